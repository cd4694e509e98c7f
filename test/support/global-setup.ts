// Placeholder: replaced by the template-database set-up (persistence work).
export default async function globalSetup(): Promise<void> {}

/** The invitation email (platform's `mail` queue knows no kinds; see MailKinds). */
declare module '@tandem/platform' {
  interface MailKinds {
    invitation: { invitationId: string };
  }
}
export {};

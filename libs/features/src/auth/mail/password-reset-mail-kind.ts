/** The password-reset email (platform's `mail` queue knows no kinds; see MailKinds). */
declare module '@tandem/platform' {
  interface MailKinds {
    password_reset: { passwordResetId: string };
  }
}
export {};

import type { MailComposers } from '@tandem/platform';
import type {} from './password-reset-mail-kind';
import { PasswordResetMailComposer } from './password-reset.composer';

/** The auth feature's email: the password-reset link. */
export const AUTH_MAIL_COMPOSERS: MailComposers<'password_reset'> = { password_reset: PasswordResetMailComposer };

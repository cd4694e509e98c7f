import { formatLondonDateTime } from '@tandem/domain';
import { btn, h, p, renderEmail, type RenderedEmail } from '@tandem/platform';

export interface PasswordResetEmailInput {
  /** Absolute http(s) URL carrying the reset token. */
  resetUrl: string;
  expiresAt: Date;
}

/** "Reset your Tandem password": sent when someone asks for a reset link for this address. */
export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const expires = formatLondonDateTime(input.expiresAt);
  return renderEmail({
    subject: 'Reset your Tandem password',
    preheader: `The link works once, until ${expires}.`,
    blocks: [
      h('Reset your password'),
      p('Choose a new password for Tandem with the button below. Once you have, every other place you are logged in is logged out.'),
      btn('Choose a new password', input.resetUrl),
      p('The link works once, until ', { strong: expires }, '.'),
    ],
    footer:
      'You received this because someone asked to reset the password of this address on Tandem. If it was not you, ignore this email: your password stays as it is.',
  });
}

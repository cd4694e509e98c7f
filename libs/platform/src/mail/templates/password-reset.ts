import { formatLondonDateTime, safeUrl } from './html';
import { button, heading, layout, linkFallback, paragraph, type RenderedEmail } from './layout';

export interface PasswordResetEmailInput {
  /** Absolute http(s) URL carrying the reset token. */
  resetUrl: string;
  expiresAt: Date;
}

/** "Reset your Tandem password": sent when someone asks for a reset link for this address. */
export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const resetUrl = safeUrl(input.resetUrl);
  const expires = formatLondonDateTime(input.expiresAt);
  const subject = 'Reset your Tandem password';
  const footer = 'You received this because someone asked to reset the password of this address on Tandem. If it was not you, ignore this email: your password stays as it is.';
  const html = layout({
    title: subject,
    preheader: `The link works once, until ${expires}.`,
    bodyHtml: [
      heading('Reset your password'),
      paragraph('Choose a new password for Tandem with the button below. Once you have, every other place you are logged in is logged out.'),
      button('Choose a new password', resetUrl),
      paragraph('The link works once, until ', { strong: expires }, '.'),
      linkFallback(resetUrl),
    ].join('\n'),
    footer,
  });
  const text = [
    'Reset your password',
    '',
    'Choose a new password for Tandem at the link below. Once you have, every other place you are logged in is logged out.',
    '',
    'Choose a new password:',
    resetUrl,
    '',
    `The link works once, until ${expires}.`,
    '',
    '--',
    footer,
    '',
  ].join('\n');
  return { subject, html, text };
}

import { formatLondonDateTime, oneLine, safeUrl } from './html';
import { button, heading, layout, linkFallback, paragraph, type RenderedEmail } from './layout';

export interface InvitationEmailInput {
  hubName: string;
  inviterName: string;
  /** Human label of the role, e.g. "Enterprise Coordinator". */
  roleLabel: string;
  /** Absolute http(s) URL carrying the invitation token. */
  acceptUrl: string;
  expiresAt: Date;
}

/** "You've been invited to <hub> on Tandem": sent when a hub admin or coordinator invites someone. */
export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const hubName = oneLine(input.hubName);
  const inviterName = oneLine(input.inviterName);
  const roleLabel = oneLine(input.roleLabel);
  const acceptUrl = safeUrl(input.acceptUrl);
  const expires = formatLondonDateTime(input.expiresAt);

  const subject = `${inviterName} invited you to ${hubName} on Tandem`;
  const html = layout({
    title: subject,
    preheader: `Join ${hubName} as ${roleLabel}. The invitation expires ${expires}.`,
    bodyHtml: [
      heading(`Join ${hubName} on Tandem`),
      paragraph({ strong: inviterName }, ' has invited you to join ', { strong: hubName }, ' as ', { strong: roleLabel }, '.'),
      paragraph(
        'Tandem is where schools, employers and Enterprise Coordinators arrange employer encounters and record who took part.',
      ),
      button('Accept the invitation', acceptUrl),
      paragraph('This invitation expires on ', { strong: expires }, '. After that, ask ', inviterName, ' to send a new one.'),
      linkFallback(acceptUrl),
    ].join('\n'),
    footer: `You received this because ${inviterName} entered your email address in Tandem for ${hubName}. If you were not expecting it, you can ignore this email: nothing happens unless you accept.`,
  });
  const text = [
    `Join ${hubName} on Tandem`,
    '',
    `${inviterName} has invited you to join ${hubName} as ${roleLabel}.`,
    '',
    'Tandem is where schools, employers and Enterprise Coordinators arrange employer encounters and record who took part.',
    '',
    'Accept the invitation:',
    acceptUrl,
    '',
    `This invitation expires on ${expires}. After that, ask ${inviterName} to send a new one.`,
    '',
    '--',
    `You received this because ${inviterName} entered your email address in Tandem for ${hubName}. If you were not expecting it, you can ignore this email: nothing happens unless you accept.`,
    '',
  ].join('\n');
  return { subject, html, text };
}

import { formatLondonDateTime } from '@tandem/domain';
import { btn, h, oneLine, p, renderEmail, type RenderedEmail } from '@tandem/platform';

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
  const expires = formatLondonDateTime(input.expiresAt);
  return renderEmail({
    subject: `${inviterName} invited you to ${hubName} on Tandem`,
    preheader: `Join ${hubName} as ${roleLabel}. The invitation expires ${expires}.`,
    blocks: [
      h(`Join ${hubName} on Tandem`),
      p({ strong: inviterName }, ' has invited you to join ', { strong: hubName }, ' as ', { strong: roleLabel }, '.'),
      p('Tandem is where schools, employers and Enterprise Coordinators arrange employer encounters and record who took part.'),
      btn('Accept the invitation', input.acceptUrl),
      p('This invitation expires on ', { strong: expires }, '. After that, ask ', inviterName, ' to send a new one.'),
    ],
    footer: `You received this because ${inviterName} entered your email address in Tandem for ${hubName}. If you were not expecting it, you can ignore this email: nothing happens unless you accept.`,
  });
}

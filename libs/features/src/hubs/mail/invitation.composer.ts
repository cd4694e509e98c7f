import { Injectable } from '@nestjs/common';
import { Clock, ROLE_LABELS } from '@tandem/domain';
import { Invitation, SystemDb, Tenant, TenantDb } from '@tandem/persistence';
import { AppConfig, LinkTokens, type ComposedEmail, type MailComposer, type MailPayloadOf } from '@tandem/platform';
import { invitationEmail } from './invitation-email';

/** The purpose string of invitation link tokens (LinkTokens.derive). */
export const INVITATION_LINK_PURPOSE = 'invitation';

/** Where an invitee lands in the admin app. */
export function invitationAcceptUrl(publicAppUrl: string, token: string): string {
  return `${publicAppUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
}

/** "X invited you to <hub> on Tandem", while the invitation is still open. */
@Injectable()
export class InvitationMailComposer implements MailComposer<'invitation'> {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly systemDb: SystemDb,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  async compose({ invitationId }: MailPayloadOf<'invitation'>): Promise<ComposedEmail[]> {
    const found = await this.db.transaction(async (em) => {
      const invitation = await em.findOneBy(Invitation, { id: invitationId });
      const tenant = invitation ? await em.findOneBy(Tenant, { id: invitation.tenantId }) : null;
      return invitation && tenant ? { invitation, tenant } : null;
    });
    if (!found) return [];
    const { invitation, tenant } = found;
    if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= this.clock.now().getTime()) return [];
    const inviter = invitation.invitedByUserId ? await this.systemDb.findUserById(invitation.invitedByUserId) : null;
    const { token } = this.links.derive(INVITATION_LINK_PURPOSE, invitation.id, invitation.tokenHash);
    const rendered = invitationEmail({
      hubName: tenant.name,
      inviterName: inviter?.displayName || inviter?.email || `${tenant.name} on Tandem`,
      roleLabel: ROLE_LABELS[invitation.role],
      acceptUrl: invitationAcceptUrl(this.config.publicAppUrl, token),
      expiresAt: invitation.expiresAt,
    });
    return [{ to: invitation.email, rendered }];
  }
}

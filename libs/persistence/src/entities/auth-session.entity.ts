import { Column, Entity } from 'typeorm';
import { GlobalEntity } from './base';

export const SESSION_END_REASONS = [
  'logout',
  'membership_changed',
  'account_changed',
  'hub_archived',
  'password_changed',
  'password_reset',
  'refresh_token_reused',
  'expired',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * One log-in (GLOBAL: checked on every request before any tenant transaction). Access tokens carry
 * its id; while `revoked_at` is null and `expires_at` is ahead, they work. Database triggers end
 * sessions when a membership, user or hub changes (see the 1760000014000 migration).
 */
@Entity({ name: 'auth_sessions' })
export class AuthSession extends GlobalEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The hub acted in (not a tenant key: the row is read before any tenant is set). */
  @Column({ name: 'acting_tenant_id', type: 'uuid', nullable: true })
  actingTenantId!: string | null;

  @Column({ name: 'membership_id', type: 'uuid', nullable: true })
  membershipId!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: SessionEndReason | null;
}

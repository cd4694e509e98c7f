import { Column, Entity } from 'typeorm';
import { GlobalEntity } from './base';

/**
 * A platform admin's refresh token (hash only) when logged in without a membership. GLOBAL (no
 * tenant_id): tenant `refresh_sessions` need a membership. Rotated like them: the old row gets
 * revoked_at + replaced_by_id.
 */
@Entity({ name: 'platform_refresh_sessions' })
export class PlatformRefreshSession extends GlobalEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The hub chosen at log-in (tenantSlug), if any. */
  @Column({ name: 'acting_tenant_id', type: 'uuid', nullable: true })
  actingTenantId!: string | null;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById!: string | null;

  /** The log-in this token belongs to (every rotation keeps it); its access tokens carry this id. */
  @Column({ name: 'auth_session_id', type: 'uuid', nullable: true })
  authSessionId!: string | null;
}

import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/** A refresh token (hash only), rotated on use: the old row gets revoked_at + replaced_by_id. */
@Entity({ name: 'refresh_sessions' })
export class RefreshSession extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId!: string;

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

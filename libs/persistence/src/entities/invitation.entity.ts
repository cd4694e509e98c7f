import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { MembershipRole } from './enums';

/** An invitation to join a tenant with a role. Only the hash of the token is stored (hex SHA-256). */
@Entity({ name: 'invitations' })
export class Invitation extends TenantOwnedEntity {
  @Column({ name: 'email', type: 'citext' })
  email!: string;

  @Column({ name: 'role', type: 'text' })
  role!: MembershipRole;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId!: string | null;
}

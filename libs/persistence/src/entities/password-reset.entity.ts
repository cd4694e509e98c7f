import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/** An emailed password-reset link (hash only), single use, sent through one of the user's hubs. */
@Entity({ name: 'password_resets' })
export class PasswordReset extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

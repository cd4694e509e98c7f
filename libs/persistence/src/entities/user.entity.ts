import { Column, Entity } from 'typeorm';
import { GlobalEntity } from './base';

/** A person who can log in. GLOBAL (no tenant_id, no RLS): one identity across hubs. */
@Entity({ name: 'users' })
export class User extends GlobalEntity {
  /** citext: compared case-insensitively, stored as typed. */
  @Column({ name: 'email', type: 'citext' })
  email!: string;

  /** argon2id hash; null until an invitation is accepted. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ name: 'is_platform_admin', type: 'boolean', default: false })
  isPlatformAdmin!: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}

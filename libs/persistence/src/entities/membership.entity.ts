import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { MembershipRole } from './enums';
import { User } from './user.entity';

/** A user's role in one tenant, with exactly the scope column its role needs (CHECK in the schema). */
@Entity({ name: 'memberships' })
export class Membership extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'role', type: 'text' })
  role!: MembershipRole;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}

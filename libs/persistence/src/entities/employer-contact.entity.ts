import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import { Employer } from './employer.entity';
import type { DbsStatus } from './enums';

@Entity({ name: 'employer_contacts' })
export class EmployerContact extends TenantOwnedEntity {
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'email', type: 'citext' })
  email!: string;

  @Column({ name: 'phone', type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'job_title', type: 'text', nullable: true })
  jobTitle!: string | null;

  @Column({ name: 'dbs_status', type: 'text', default: 'none' })
  dbsStatus!: DbsStatus;

  @Column({ name: 'dbs_checked_on', type: 'date', nullable: true })
  dbsCheckedOn!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}

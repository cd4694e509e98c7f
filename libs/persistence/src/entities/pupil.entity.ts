import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import { School } from './school.entity';

/** A pupil: the subject of records, never a user. Special-category-like data: minimise, audit reads. */
@Entity({ name: 'pupils' })
export class Pupil extends TenantOwnedEntity {
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @ManyToOne(() => School, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  /** School-issued reference, unique per (tenant, school). */
  @Column({ name: 'reference', type: 'text' })
  reference!: string;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  /** ISO date string (YYYY-MM-DD); pg `date` is not converted to a JS Date. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Column({ name: 'year_group', type: 'smallint', nullable: true })
  yearGroup!: number | null;

  @Column({ name: 'disadvantaged', type: 'boolean', default: false })
  disadvantaged!: boolean;

  @Column({ name: 'send', type: 'boolean', default: false })
  send!: boolean;

  @Column({ name: 'care_experienced', type: 'boolean', default: false })
  careExperienced!: boolean;

  @Column({ name: 'roni_score', type: 'smallint', nullable: true })
  roniScore!: number | null;

  @Column({ name: 'on_roll_from', type: 'date' })
  onRollFrom!: string;

  @Column({ name: 'on_roll_to', type: 'date', nullable: true })
  onRollTo!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}

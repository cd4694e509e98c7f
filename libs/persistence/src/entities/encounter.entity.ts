import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { ActivityTypeValue, OfferFormatValue } from './enums';

export type EncounterStatusValue = 'planned' | 'delivered' | 'cancelled';

/**
 * An employer encounter a school's pupils took part in: logged by the school, or (later) made from a
 * delivered booking (`bookingId`, one encounter per booking). `countsBm5` / `countsBm6` are
 * kept by the database from the hub's benchmark policy; never write them.
 */
@Entity({ name: 'encounters' })
export class Encounter extends TenantOwnedEntity {
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  /** YYYY-MM-DD. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'activity_type', type: 'text' })
  activityType!: ActivityTypeValue;

  @Column({ name: 'format', type: 'text' })
  format!: OfferFormatValue;

  @Column({ name: 'title', type: 'text', nullable: true })
  title!: string | null;

  @Column({ name: 'year_groups', type: 'smallint', array: true })
  yearGroups!: number[];

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ name: 'status', type: 'text', default: 'delivered' })
  status!: EncounterStatusValue;

  /** Only a headcount is known: never counted as pupil-level coverage. */
  @Column({ name: 'headcount_only', type: 'boolean', default: false })
  headcountOnly!: boolean;

  @Column({ name: 'headcount', type: 'integer', nullable: true })
  headcount!: number | null;

  /** Meaningful-checklist criteria met (MEANINGFUL_CRITERIA in @tandem/domain). */
  @Column({ name: 'checklist', type: 'text', array: true, default: () => "'{}'" })
  checklist!: string[];

  @Column({ name: 'checklist_recorded_at', type: 'timestamptz', nullable: true })
  checklistRecordedAt!: Date | null;

  @Column({ name: 'attendance_recorded_at', type: 'timestamptz', nullable: true })
  attendanceRecordedAt!: Date | null;

  @Column({ name: 'counts_bm5', type: 'boolean', default: false, insert: false, update: false })
  countsBm5!: boolean;

  @Column({ name: 'counts_bm6', type: 'boolean', default: false, insert: false, update: false })
  countsBm6!: boolean;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;
}

/** An employer that took part in an encounter, and how many of its volunteers came. */
@Entity({ name: 'encounter_employers' })
export class EncounterEmployer extends TenantOwnedEntity {
  @Column({ name: 'encounter_id', type: 'uuid' })
  encounterId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'volunteers', type: 'integer', default: 1 })
  volunteers!: number;
}

/** A pupil who attended an encounter (of the pupil's own school: the database refuses any other). */
@Entity({ name: 'encounter_attendance' })
export class EncounterAttendance {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ name: 'encounter_id', type: 'uuid' })
  encounterId!: string;

  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

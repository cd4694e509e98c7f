import { Column, Entity, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { ActivityTypeValue, OfferFormatValue, RequestStatus } from './enums';
import { RequestWindow } from './request-window.entity';
import { School } from './school.entity';

/** A school's request for an activity (table `requests`; named to avoid clashing with fetch's Request). */
@Entity({ name: 'requests' })
export class EncounterRequest extends TenantOwnedEntity {
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @ManyToOne(() => School, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  @Column({ name: 'activity_type', type: 'text' })
  activityType!: ActivityTypeValue;

  @Column({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @Column({ name: 'pupil_count', type: 'integer' })
  pupilCount!: number;

  @Column({ name: 'formats', type: 'text', array: true })
  formats!: OfferFormatValue[];

  @Column({ name: 'deadline', type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'status', type: 'text', default: 'open' })
  status!: RequestStatus;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @OneToMany(() => RequestWindow, (w) => w.request)
  windows?: Relation<RequestWindow[]>;
}

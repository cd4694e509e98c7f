import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { BookingStateValue } from './enums-bookings';

/**
 * A school's request meeting one offer session (see @tandem/domain bookings). `version` goes up with
 * every change; `confirmedVersion` is the version at which it was last confirmed (reminders and the
 * follow-up belong to that confirmation). `startsAt`/`endsAt` copy the session's times.
 */
@Entity({ name: 'bookings' })
export class Booking extends TenantOwnedEntity {
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'offer_session_id', type: 'uuid' })
  offerSessionId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  /** The employer contact who is asked and reminded. */
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  @Column({ name: 'year_group', type: 'smallint' })
  yearGroup!: number;

  @Column({ name: 'pupil_count', type: 'integer' })
  pupilCount!: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'state', type: 'text' })
  state!: BookingStateValue;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'confirmed_version', type: 'integer', nullable: true })
  confirmedVersion!: number | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;
}

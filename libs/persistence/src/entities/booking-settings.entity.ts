import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/** A hub's booking-mail rules (one row per hub; no row = the defaults in @tandem/domain). */
@Entity({ name: 'booking_settings' })
export class BookingSettingsRow extends TenantOwnedEntity {
  @Column({ name: 'reminder_days_before', type: 'smallint', array: true })
  reminderDaysBefore!: number[];

  /** 'HH:MM:SS' (London) */
  @Column({ name: 'send_from', type: 'time' })
  sendFrom!: string;

  @Column({ name: 'send_until', type: 'time' })
  sendUntil!: string;

  @Column({ name: 'send_on_weekends', type: 'boolean' })
  sendOnWeekends!: boolean;

  @Column({ name: 'unanswered_after_days', type: 'smallint' })
  unansweredAfterDays!: number;

  @Column({ name: 'link_validity_days', type: 'smallint' })
  linkValidityDays!: number;

  @Column({ name: 'follow_up_hours_after', type: 'smallint' })
  followUpHoursAfter!: number;
}

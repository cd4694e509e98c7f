import { Column, Entity, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { decimalTransformer, TenantOwnedEntity } from './base';
import { Employer } from './employer.entity';
import { EmployerContact } from './employer-contact.entity';
import type { ActivityTypeValue, OfferFormatValue, OfferStatus } from './enums';
import { OfferAvailabilityWindow } from './offer-availability-window.entity';
import { OfferSession } from './offer-session.entity';

@Entity({ name: 'offers' })
export class Offer extends TenantOwnedEntity {
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId!: string | null;

  @ManyToOne(() => EmployerContact, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<EmployerContact> | null;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'activity_type', type: 'text' })
  activityType!: ActivityTypeValue;

  @Column({ name: 'format', type: 'text' })
  format!: OfferFormatValue;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'pupils_per_session', type: 'integer' })
  pupilsPerSession!: number;

  @Column({ name: 'sessions_available', type: 'integer' })
  sessionsAvailable!: number;

  @Column({ name: 'year_groups', type: 'smallint', array: true })
  yearGroups!: number[];

  @Column({ name: 'travel_radius_km', type: 'numeric', precision: 6, scale: 1, nullable: true, transformer: decimalTransformer })
  travelRadiusKm!: number | null;

  @Column({ name: 'benchmark', type: 'smallint' })
  benchmark!: 5 | 6;

  @Column({ name: 'status', type: 'text', default: 'draft' })
  status!: OfferStatus;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @OneToMany(() => OfferAvailabilityWindow, (w) => w.offer)
  availabilityWindows?: Relation<OfferAvailabilityWindow[]>;

  @OneToMany(() => OfferSession, (s) => s.offer)
  sessions?: Relation<OfferSession[]>;
}

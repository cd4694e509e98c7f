import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import { Offer } from './offer.entity';

/** Recurring availability: dates, ISO weekdays (1 = Mon … 7 = Sun), a time of day (Europe/London). */
@Entity({ name: 'offer_availability_windows' })
export class OfferAvailabilityWindow extends TenantOwnedEntity {
  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @ManyToOne(() => Offer, (o) => o.availabilityWindows, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'offer_id' })
  offer?: Relation<Offer>;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'weekdays', type: 'smallint', array: true })
  weekdays!: number[];

  /** 'HH:MM:SS' */
  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime!: string;
}

import { Column, Entity, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { OfferSessionStatus } from './enums';
import { Offer } from './offer.entity';

@Entity({ name: 'offer_sessions' })
export class OfferSession extends TenantOwnedEntity {
  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @ManyToOne(() => Offer, (o) => o.sessions, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'offer_id' })
  offer?: Relation<Offer>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'capacity', type: 'integer' })
  capacity!: number;

  @Column({ name: 'status', type: 'text', default: 'open' })
  status!: OfferSessionStatus;
}

import { Column, Entity } from 'typeorm';
import { JsonObject, TenantOwnedEntity } from './base';
import type { OutboxStatus } from './enums';

/** Transactional outbox (table `notification_outbox`): written with the change, relayed after commit. */
@Entity({ name: 'notification_outbox' })
export class OutboxMessage extends TenantOwnedEntity {
  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  /** Unique per tenant: writing the same notification twice is a no-op (on conflict do nothing). */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  /** Ids only, never personal data. */
  @Column({ name: 'payload', type: 'jsonb', default: () => "'{}'" })
  payload!: JsonObject;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'app_now()' })
  availableAt!: Date;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  /** The relay that claimed the row to add it to its queue, until `claimedUntil` (a lease). */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;
}

import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/**
 * One emailed Accept/Decline pair. The tokens are derived from the row id (LinkTokens); only their
 * hashes are stored. Single use (either token), expiring, about one offer session.
 */
@Entity({ name: 'booking_links' })
export class BookingLink extends TenantOwnedEntity {
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'offer_session_id', type: 'uuid' })
  offerSessionId!: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  @Column({ name: 'accept_token_hash', type: 'text' })
  acceptTokenHash!: string;

  @Column({ name: 'decline_token_hash', type: 'text' })
  declineTokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'used_action', type: 'text', nullable: true })
  usedAction!: 'accept' | 'decline' | null;
}

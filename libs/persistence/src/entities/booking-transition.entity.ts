import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { BookingSideValue, BookingStateValue, BookingTransitionAction } from './enums-bookings';

/** One change of a booking: who (side, user or emailed contact), when, why, from and to. Append-only. */
@Entity({ name: 'booking_transitions' })
export class BookingTransition extends TenantOwnedEntity {
  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  /** The booking's version after this change. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'action', type: 'text' })
  action!: BookingTransitionAction;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: BookingStateValue | null;

  @Column({ name: 'to_state', type: 'text' })
  toState!: BookingStateValue;

  @Column({ name: 'actor_side', type: 'text' })
  actorSide!: BookingSideValue;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** Set when the employer answered through an emailed link (no log-in). */
  @Column({ name: 'actor_contact_id', type: 'uuid', nullable: true })
  actorContactId!: string | null;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'proposed_alternative', type: 'text', nullable: true })
  proposedAlternative!: string | null;

  /** The session the booking holds after this change. */
  @Column({ name: 'offer_session_id', type: 'uuid' })
  offerSessionId!: string;

  /** For a reschedule: the session it held before. */
  @Column({ name: 'previous_offer_session_id', type: 'uuid', nullable: true })
  previousOfferSessionId!: string | null;
}

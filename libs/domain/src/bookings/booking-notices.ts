import type { BookingAction, BookingState } from './booking-machine';

/**
 * What a change to a booking tells people. The feature turns each notice into one mail job (job id
 * from the booking, the notice and the booking's version), written in the same transaction.
 *
 * - a new slot waiting for the employer → the employer contact gets the request with Accept/Decline
 *   links (and new links are issued for that slot);
 * - a new slot waiting for the school → the school is asked to accept it in Tandem;
 * - confirmed → both sides get the confirmation with a calendar invite, and the reminders and the
 *   follow-up are scheduled;
 * - declined / cancelled → both sides are told (a cancellation also withdraws the calendar event);
 * - a confirmed booking moved to another slot → both sides get the calendar update.
 * One side accepting a proposal tells nobody: the other side was asked already.
 */
export const BOOKING_NOTICES = [
  'booking_request',
  'booking_awaiting_school',
  'booking_confirmed',
  'booking_declined',
  'booking_cancelled',
  'booking_rescheduled',
] as const;
export type BookingNotice = (typeof BOOKING_NOTICES)[number];

export interface BookingEffects {
  notices: BookingNotice[];
  /** Issue Accept/Decline links for the (new) slot. */
  issueLinks: boolean;
  /** Schedule the reminders, the follow-up (and vetting checks) for this confirmation. */
  scheduleReminders: boolean;
}

/** `from` is null when the booking is created. */
export function effectsOf(from: BookingState | null, to: BookingState, action: BookingAction | 'create'): BookingEffects {
  const newSlot = action === 'create' || action === 'reschedule';
  const notices: BookingNotice[] = [];
  if (action === 'reschedule' && from === 'confirmed') notices.push('booking_rescheduled');
  if (newSlot && (to === 'proposed' || to === 'accepted_by_school')) notices.push('booking_request');
  if (newSlot && (to === 'proposed' || to === 'accepted_by_employer')) notices.push('booking_awaiting_school');
  if (to === 'confirmed' && from !== 'confirmed') notices.push('booking_confirmed');
  if (to === 'declined' && from !== 'declined') notices.push('booking_declined');
  if (to === 'cancelled' && from !== 'cancelled') notices.push('booking_cancelled');
  return {
    notices,
    issueLinks: newSlot && (to === 'proposed' || to === 'accepted_by_school'),
    scheduleReminders: to === 'confirmed' && from !== 'confirmed',
  };
}

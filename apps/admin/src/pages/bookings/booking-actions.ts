import * as clock from '../../clock';
/**
 * Which buttons a booking shows to whom, mirroring the API's state machine (the API still decides:
 * a button shown by mistake gets a clear refusal, a button hidden by mistake is worse).
 */
import type { Role } from '../../auth/types';

export type BookingSide = 'school' | 'employer' | 'broker';
export type BookingAction = 'accept' | 'decline' | 'reschedule' | 'cancel' | 'mark_delivered' | 'mark_no_show' | 'record_attendance';

const LIVE = ['proposed', 'accepted_by_school', 'accepted_by_employer', 'confirmed'];

export function sideOf(role: Role): BookingSide | null {
  if (role === 'SCHOOL_STAFF') return 'school';
  if (role === 'EMPLOYER_CONTACT') return 'employer';
  if (role === 'COORDINATOR' || role === 'HUB_ADMIN') return 'broker';
  return null;
}

export function bookingActions(booking: { state: string; startsAt: string }, role: Role, at: Date = clock.now()): BookingAction[] {
  const side = sideOf(role);
  if (!side) return [];
  const started = Date.parse(booking.startsAt) <= at.getTime();
  const s = booking.state;
  const out: BookingAction[] = [];
  if (!started && side !== 'broker') {
    const waitingForMe =
      s === 'proposed' || (s === 'accepted_by_school' && side === 'employer') || (s === 'accepted_by_employer' && side === 'school');
    if (waitingForMe) out.push('accept');
    if (['proposed', 'accepted_by_school', 'accepted_by_employer'].includes(s)) out.push('decline');
  }
  if (!started && LIVE.includes(s)) out.push('reschedule', 'cancel');
  if (started && s === 'confirmed') {
    if (side !== 'employer') out.push('mark_delivered');
    out.push('mark_no_show');
  }
  if (s === 'delivered' && side !== 'employer') out.push('record_attendance');
  return out;
}

/** Bookings that wait on this side to answer (for the “waiting on you” lists). */
export function waitsOn(state: string, side: BookingSide): boolean {
  if (side === 'school') return state === 'proposed' || state === 'accepted_by_employer';
  if (side === 'employer') return state === 'proposed' || state === 'accepted_by_school';
  return false;
}

import { awaitsEmployer, type BookingState } from './booking-machine';

/**
 * An emailed Accept / Decline link: single use, expiring, and only for the slot it was sent about.
 * `judgeLink` says what answering through it would mean *now*, before anything is written; the
 * public page shows a clear sentence for each refusal.
 */
export type LinkAction = 'accept' | 'decline';

export interface LinkFacts {
  /** When (and how) the link was used, if it was. */
  usedAt: Date | null;
  usedAction: LinkAction | null;
  expiresAt: Date;
  /** The offer session the email was about. */
  offerSessionId: string;
}

export interface BookingFacts {
  state: BookingState;
  offerSessionId: string;
}

export type LinkVerdict =
  | 'ok'
  /** This link (or its pair) was used already. */
  | 'used'
  /** The employer has already given this answer some other way (logged in, another email). */
  | 'already_answered'
  /** The booking is no longer waiting for the employer (cancelled, declined by the school…). */
  | 'closed'
  /** The booking moved to another slot since this email: a newer email has the right links. */
  | 'superseded'
  | 'expired';

const ANSWERED: Readonly<Record<LinkAction, readonly BookingState[]>> = {
  accept: ['accepted_by_employer', 'confirmed', 'delivered', 'recorded'],
  decline: ['declined'],
};

export function judgeLink(link: LinkFacts, booking: BookingFacts, action: LinkAction, now: Date): LinkVerdict {
  if (link.usedAt) return 'used';
  if (booking.offerSessionId !== link.offerSessionId) return 'superseded';
  if (ANSWERED[action].includes(booking.state)) return 'already_answered';
  if (!awaitsEmployer(booking.state)) return 'closed';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'ok';
}

/** A link lives `validityDays`, but never past the start of the session it is about. */
export function linkExpiry(issuedAt: Date, validityDays: number, sessionStartsAt: Date): Date {
  return new Date(Math.min(issuedAt.getTime() + validityDays * 86_400_000, sessionStartsAt.getTime()));
}

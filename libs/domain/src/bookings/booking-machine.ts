import { DomainError } from '../errors';

/**
 * The booking lifecycle as data. A booking is a school's request meeting one offer session:
 *
 *   proposed ─accept(school)──▶ accepted_by_school ─accept(employer)─▶ confirmed ─▶ delivered ─▶ recorded
 *            └accept(employer)▶ accepted_by_employer ─accept(school)──┘          └▶ no_show
 *   any live state ─cancel─▶ cancelled · an awaited side ─decline─▶ declined
 *   any live state ─reschedule─▶ back to awaiting the other side (history kept as transitions)
 *
 * Every move names the sides allowed to make it. Asking for a move that has already happened
 * ("accept" on a confirmed booking) is not an error: the answer is `unchanged`, so nothing is
 * written and nobody is emailed twice.
 */

export const BOOKING_STATES = [
  'proposed',
  'accepted_by_school',
  'accepted_by_employer',
  'confirmed',
  'delivered',
  'recorded',
  'declined',
  'cancelled',
  'no_show',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

/** States in which the booking still holds its offer session. */
export const LIVE_BOOKING_STATES: readonly BookingState[] = ['proposed', 'accepted_by_school', 'accepted_by_employer', 'confirmed'];

export const BOOKING_ACTIONS = ['accept', 'decline', 'cancel', 'reschedule', 'mark_delivered', 'mark_no_show', 'record'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/**
 * Who acts: the school (its staff, or a coordinator making a request on its behalf), the employer
 * (its contact, logged in or through an emailed link), the broker (the hub admin or the cluster's
 * coordinator) or the system (a job).
 */
export const BOOKING_SIDES = ['school', 'employer', 'broker', 'system'] as const;
export type BookingSide = (typeof BOOKING_SIDES)[number];

export const BOOKING_STATE_LABELS: Readonly<Record<BookingState, string>> = {
  proposed: 'proposed',
  accepted_by_school: 'accepted by the school',
  accepted_by_employer: 'accepted by the employer',
  confirmed: 'confirmed',
  delivered: 'delivered',
  recorded: 'recorded',
  declined: 'declined',
  cancelled: 'cancelled',
  no_show: 'marked as a no-show',
};

const ACTION_WORDS: Readonly<Record<BookingAction, string>> = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
  reschedule: 'rescheduled',
  mark_delivered: 'marked as delivered',
  mark_no_show: 'marked as a no-show',
  record: 'recorded',
};

interface Move {
  readonly action: BookingAction;
  readonly from: readonly BookingState[];
  readonly sides: readonly BookingSide[];
  /** The state after the move, given who made it. */
  readonly to: (side: BookingSide) => BookingState;
  /** The states in which this move (by this side) has already happened: asking again changes nothing. */
  readonly done: (side: BookingSide) => readonly BookingState[];
  /** `before`: only before the session starts; `after`: only once it has started. */
  readonly when?: 'before' | 'after';
}

const acceptedBy = (side: BookingSide): BookingState => (side === 'school' ? 'accepted_by_school' : 'accepted_by_employer');

/** The whole lifecycle. One row per (action, from-states); the first row whose from-state matches wins. */
export const BOOKING_MOVES: readonly Move[] = [
  {
    action: 'accept',
    from: ['proposed'],
    sides: ['school', 'employer'],
    to: acceptedBy,
    done: (s) => [acceptedBy(s), 'confirmed', 'delivered', 'recorded'],
    when: 'before',
  },
  {
    action: 'accept',
    from: ['accepted_by_school', 'accepted_by_employer'],
    sides: ['school', 'employer'],
    to: () => 'confirmed',
    done: (s) => [acceptedBy(s), 'confirmed', 'delivered', 'recorded'],
    when: 'before',
  },
  {
    action: 'decline',
    from: ['proposed', 'accepted_by_school', 'accepted_by_employer'],
    sides: ['school', 'employer'],
    to: () => 'declined',
    done: () => ['declined'],
  },
  {
    action: 'cancel',
    from: LIVE_BOOKING_STATES,
    sides: ['school', 'employer', 'broker'],
    to: () => 'cancelled',
    done: () => ['cancelled'],
    when: 'before',
  },
  {
    action: 'reschedule',
    from: LIVE_BOOKING_STATES,
    sides: ['school', 'employer', 'broker'],
    to: (s) => (s === 'broker' ? 'proposed' : acceptedBy(s)),
    done: () => [],
    when: 'before',
  },
  {
    action: 'mark_delivered',
    from: ['confirmed'],
    sides: ['school', 'broker'],
    to: () => 'delivered',
    done: () => ['delivered', 'recorded'],
    when: 'after',
  },
  {
    action: 'mark_no_show',
    from: ['confirmed'],
    sides: ['school', 'employer', 'broker'],
    to: () => 'no_show',
    done: () => ['no_show'],
    when: 'after',
  },
  { action: 'record', from: ['delivered'], sides: ['school', 'broker', 'system'], to: () => 'recorded', done: () => ['recorded'] },
];

export interface MoveRequest {
  state: BookingState;
  action: BookingAction;
  side: BookingSide;
  /** When the session starts, and now: some moves only make sense before (or after) it. */
  startsAt: Date;
  now: Date;
}

export type MoveDecision =
  | { readonly kind: 'move'; readonly from: BookingState; readonly to: BookingState }
  | { readonly kind: 'unchanged'; readonly state: BookingState };

const SIDE_WORDS: Readonly<Record<BookingSide, string>> = {
  school: 'the school',
  employer: 'the employer',
  broker: 'the hub or its coordinator',
  system: 'the system',
};

function listSides(sides: readonly BookingSide[]): string {
  const words = sides.map((s) => SIDE_WORDS[s]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

/**
 * Decides one move. Throws FORBIDDEN when this side may never make it, INVALID_TRANSITION when the
 * booking is in a state that does not allow it (naming the state in plain words).
 */
export function decideMove(req: MoveRequest): MoveDecision {
  const { state, action, side } = req;
  const rows = BOOKING_MOVES.filter((m) => m.action === action);
  const allowedSides = [...new Set(rows.flatMap((m) => m.sides))];
  if (!allowedSides.includes(side)) {
    throw new DomainError('FORBIDDEN', `Only ${listSides(allowedSides)} can have a booking ${ACTION_WORDS[action]}`);
  }
  if (rows.some((m) => m.sides.includes(side) && m.done(side).includes(state))) return { kind: 'unchanged', state };
  const row = rows.find((m) => m.from.includes(state) && m.sides.includes(side));
  if (!row) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `This booking is ${BOOKING_STATE_LABELS[state]}: it cannot be ${ACTION_WORDS[action]} now`,
      'id',
    );
  }
  if (action === 'decline' && state === acceptedBy(side)) {
    // A side that has said yes withdraws by cancelling (with a reason), not by declining.
    throw new DomainError('INVALID_TRANSITION', `You have already accepted this booking: cancel it instead, giving a reason`, 'id');
  }
  const started = req.now.getTime() >= req.startsAt.getTime();
  if (row.when === 'before' && started) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `The session has already started (${req.startsAt.toISOString()}): the booking cannot be ${ACTION_WORDS[action]} now`,
      'id',
    );
  }
  if (row.when === 'after' && !started) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `The session has not started yet (it starts ${req.startsAt.toISOString()}): it can be ${ACTION_WORDS[action]} once it has`,
      'id',
    );
  }
  return { kind: 'move', from: state, to: row.to(side) };
}

/** The side that must still answer, if any (`both` for proposed). */
export function awaitedSide(state: BookingState): 'school' | 'employer' | 'both' | null {
  if (state === 'proposed') return 'both';
  if (state === 'accepted_by_school') return 'employer';
  if (state === 'accepted_by_employer') return 'school';
  return null;
}

/** Does the booking wait for the employer's answer (so an accept/decline link is meaningful)? */
export function awaitsEmployer(state: BookingState): boolean {
  const side = awaitedSide(state);
  return side === 'employer' || side === 'both';
}

import { DomainError } from '../errors';
import {
  BOOKING_ACTIONS,
  BOOKING_SIDES,
  BOOKING_STATES,
  awaitedSide,
  awaitsEmployer,
  decideMove,
  type BookingAction,
  type BookingSide,
  type BookingState,
} from './booking-machine';

/**
 * Every (state, action, side) against a table written out by hand, independently of BOOKING_MOVES.
 * Cells, in side order school · employer · broker · system:
 *   a state name = moves there · `=` = already done, unchanged · `F` = FORBIDDEN (that side never may)
 *   `X` = INVALID_TRANSITION (not from this state)
 */
const EXPECTED: Record<BookingAction, Record<BookingState, string>> = {
  accept: {
    proposed: 'accepted_by_school accepted_by_employer F F',
    accepted_by_school: '= confirmed F F',
    accepted_by_employer: 'confirmed = F F',
    confirmed: '= = F F',
    delivered: '= = F F',
    recorded: '= = F F',
    declined: 'X X F F',
    cancelled: 'X X F F',
    no_show: 'X X F F',
  },
  decline: {
    proposed: 'declined declined F F',
    accepted_by_school: 'X declined F F',
    accepted_by_employer: 'declined X F F',
    confirmed: 'X X F F',
    delivered: 'X X F F',
    recorded: 'X X F F',
    declined: '= = F F',
    cancelled: 'X X F F',
    no_show: 'X X F F',
  },
  cancel: {
    proposed: 'cancelled cancelled cancelled F',
    accepted_by_school: 'cancelled cancelled cancelled F',
    accepted_by_employer: 'cancelled cancelled cancelled F',
    confirmed: 'cancelled cancelled cancelled F',
    delivered: 'X X X F',
    recorded: 'X X X F',
    declined: 'X X X F',
    cancelled: '= = = F',
    no_show: 'X X X F',
  },
  reschedule: {
    proposed: 'accepted_by_school accepted_by_employer proposed F',
    accepted_by_school: 'accepted_by_school accepted_by_employer proposed F',
    accepted_by_employer: 'accepted_by_school accepted_by_employer proposed F',
    confirmed: 'accepted_by_school accepted_by_employer proposed F',
    delivered: 'X X X F',
    recorded: 'X X X F',
    declined: 'X X X F',
    cancelled: 'X X X F',
    no_show: 'X X X F',
  },
  mark_delivered: {
    proposed: 'X F X F',
    accepted_by_school: 'X F X F',
    accepted_by_employer: 'X F X F',
    confirmed: 'delivered F delivered F',
    delivered: '= F = F',
    recorded: '= F = F',
    declined: 'X F X F',
    cancelled: 'X F X F',
    no_show: 'X F X F',
  },
  mark_no_show: {
    proposed: 'X X X F',
    accepted_by_school: 'X X X F',
    accepted_by_employer: 'X X X F',
    confirmed: 'no_show no_show no_show F',
    delivered: 'X X X F',
    recorded: 'X X X F',
    declined: 'X X X F',
    cancelled: 'X X X F',
    no_show: '= = = F',
  },
  record: {
    proposed: 'X F X X',
    accepted_by_school: 'X F X X',
    accepted_by_employer: 'X F X X',
    confirmed: 'X F X X',
    delivered: 'recorded F recorded recorded',
    recorded: '= F = =',
    declined: 'X F X X',
    cancelled: 'X F X X',
    no_show: 'X F X X',
  },
};

const startsAt = new Date('2026-03-10T13:30:00Z');
const before = new Date('2026-03-01T09:00:00Z');
const after = new Date('2026-03-10T15:00:00Z');
/** A time at which the move's own time rule is met, so the table tests states and sides only. */
const nowFor = (action: BookingAction): Date => (action === 'mark_delivered' || action === 'mark_no_show' ? after : before);

function outcome(state: BookingState, action: BookingAction, side: BookingSide, now = nowFor(action)): string {
  try {
    const d = decideMove({ state, action, side, startsAt, now });
    return d.kind === 'unchanged' ? '=' : d.to;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'FORBIDDEN') return 'F';
    if (e.code === 'INVALID_TRANSITION') return 'X';
    throw e;
  }
}

describe('booking state machine', () => {
  it('covers every state and action in the expectation table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...BOOKING_ACTIONS].sort());
    for (const action of BOOKING_ACTIONS) expect(Object.keys(EXPECTED[action]).sort()).toEqual([...BOOKING_STATES].sort());
  });

  for (const action of BOOKING_ACTIONS) {
    describe(action, () => {
      for (const state of BOOKING_STATES) {
        it(`from ${state}: ${EXPECTED[action][state]}`, () => {
          const expected = EXPECTED[action][state].split(' ');
          expect(BOOKING_SIDES.map((side) => outcome(state, action, side))).toEqual(expected);
        });
      }
    });
  }

  it('is idempotent: the same accept twice changes nothing the second time', () => {
    const first = decideMove({ state: 'accepted_by_school', action: 'accept', side: 'employer', startsAt, now: before });
    expect(first).toEqual({ kind: 'move', from: 'accepted_by_school', to: 'confirmed' });
    expect(decideMove({ state: 'confirmed', action: 'accept', side: 'employer', startsAt, now: before })).toEqual({
      kind: 'unchanged',
      state: 'confirmed',
    });
    expect(decideMove({ state: 'cancelled', action: 'cancel', side: 'broker', startsAt, now: before })).toEqual({
      kind: 'unchanged',
      state: 'cancelled',
    });
  });

  it('accepts, cancels and reschedules only before the session starts', () => {
    for (const [state, action, side] of [
      ['proposed', 'accept', 'school'],
      ['confirmed', 'cancel', 'broker'],
      ['confirmed', 'reschedule', 'employer'],
    ] as const) {
      expect(outcome(state, action, side, startsAt)).toBe('X');
      expect(outcome(state, action, side, new Date(startsAt.getTime() - 1))).not.toBe('X');
    }
  });

  it('marks delivered or no-show only once the session has started', () => {
    expect(outcome('confirmed', 'mark_delivered', 'school', new Date(startsAt.getTime() - 1))).toBe('X');
    expect(outcome('confirmed', 'mark_delivered', 'school', startsAt)).toBe('delivered');
    expect(outcome('confirmed', 'mark_no_show', 'employer', new Date(startsAt.getTime() - 60_000))).toBe('X');
  });

  it('explains refusals in words, naming the field', () => {
    expect(() => decideMove({ state: 'cancelled', action: 'accept', side: 'employer', startsAt, now: before })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'id', message: 'This booking is cancelled: it cannot be accepted now' }),
    );
    expect(() => decideMove({ state: 'accepted_by_school', action: 'decline', side: 'school', startsAt, now: before })).toThrow(
      /cancel it instead/,
    );
    expect(() => decideMove({ state: 'proposed', action: 'accept', side: 'broker', startsAt, now: before })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the school or the employer can have a booking accepted' }),
    );
  });

  it('knows who is awaited', () => {
    expect(awaitedSide('proposed')).toBe('both');
    expect(awaitedSide('accepted_by_school')).toBe('employer');
    expect(awaitedSide('accepted_by_employer')).toBe('school');
    expect(awaitedSide('confirmed')).toBeNull();
    expect(BOOKING_STATES.filter(awaitsEmployer)).toEqual(['proposed', 'accepted_by_school']);
  });
});

import { describe, expect, it } from 'vitest';
import { bookingActions, sideOf, waitsOn } from './booking-actions';

const now = new Date('2026-02-01T12:00:00Z');
const ahead = { startsAt: '2026-02-03T13:30:00Z' };
const past = { startsAt: '2026-01-30T13:30:00Z' };

describe('bookingActions', () => {
  it('lets each side accept only what waits for it, before the session', () => {
    expect(bookingActions({ ...ahead, state: 'proposed' }, 'SCHOOL_STAFF', now)).toEqual(['accept', 'decline', 'reschedule', 'cancel']);
    expect(bookingActions({ ...ahead, state: 'accepted_by_school' }, 'SCHOOL_STAFF', now)).toEqual(['decline', 'reschedule', 'cancel']);
    expect(bookingActions({ ...ahead, state: 'accepted_by_school' }, 'EMPLOYER_CONTACT', now)).toEqual([
      'accept',
      'decline',
      'reschedule',
      'cancel',
    ]);
    expect(bookingActions({ ...ahead, state: 'confirmed' }, 'EMPLOYER_CONTACT', now)).toEqual(['reschedule', 'cancel']);
  });
  it('gives the broker a move or a cancel before, and delivered / no-show after', () => {
    expect(bookingActions({ ...ahead, state: 'proposed' }, 'COORDINATOR', now)).toEqual(['reschedule', 'cancel']);
    expect(bookingActions({ ...past, state: 'confirmed' }, 'COORDINATOR', now)).toEqual(['mark_delivered', 'mark_no_show']);
    expect(bookingActions({ ...past, state: 'confirmed' }, 'EMPLOYER_CONTACT', now)).toEqual(['mark_no_show']);
  });
  it('asks the school side, not the employer, to record attendance once delivered', () => {
    expect(bookingActions({ ...past, state: 'delivered' }, 'SCHOOL_STAFF', now)).toEqual(['record_attendance']);
    expect(bookingActions({ ...past, state: 'delivered' }, 'EMPLOYER_CONTACT', now)).toEqual([]);
    expect(bookingActions({ ...past, state: 'recorded' }, 'SCHOOL_STAFF', now)).toEqual([]);
  });
  it('offers nothing to a platform admin, or on a closed booking', () => {
    expect(sideOf('PLATFORM_ADMIN')).toBeNull();
    expect(bookingActions({ ...ahead, state: 'proposed' }, 'PLATFORM_ADMIN', now)).toEqual([]);
    expect(bookingActions({ ...ahead, state: 'declined' }, 'SCHOOL_STAFF', now)).toEqual([]);
  });
  it('knows whose answer a booking waits for', () => {
    expect(waitsOn('proposed', 'school')).toBe(true);
    expect(waitsOn('accepted_by_school', 'school')).toBe(false);
    expect(waitsOn('accepted_by_school', 'employer')).toBe(true);
    expect(waitsOn('confirmed', 'employer')).toBe(false);
  });
});

import type { Principal } from '../scope';
import { bookingListScope, bookingSideOf, canSeeBooking } from './booking-access';
import { judgeLink, linkExpiry, type LinkFacts } from './booking-links';
import { effectsOf } from './booking-notices';
import { applyBookingSettingsPatch, DEFAULT_BOOKING_SETTINGS } from './booking-settings';
import { notificationCategoryOf } from './notification-categories';
import { termlyCheckInDue, termStartsOn } from './termly-check-in';

const problem = (fn: () => unknown): { code: string; field?: string; message: string; details?: unknown[] } => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  throw new Error('expected a DomainError');
};

describe('who sees and acts on a booking', () => {
  const t = 'tenant-1';
  const booking = { tenantId: t, schoolId: 'school-a', clusterId: 'cluster-a', employerId: 'employer-1' };
  const p = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({
    userId: 'u',
    tenantId: t,
    membershipId: 'm',
    role,
    ...extra,
  });

  it('maps each role to its side (or none)', () => {
    expect(bookingSideOf(p('school_staff', { schoolId: 'school-a' }), booking)).toBe('school');
    expect(bookingSideOf(p('school_staff', { schoolId: 'school-b' }), booking)).toBeNull();
    expect(bookingSideOf(p('employer_contact', { employerId: 'employer-1' }), booking)).toBe('employer');
    expect(bookingSideOf(p('employer_contact', { employerId: 'employer-2' }), booking)).toBeNull();
    expect(bookingSideOf(p('coordinator', { clusterId: 'cluster-a' }), booking)).toBe('broker');
    expect(bookingSideOf(p('coordinator', { clusterId: 'cluster-b' }), booking)).toBeNull();
    expect(bookingSideOf(p('hub_admin'), booking)).toBe('broker');
    expect(bookingSideOf({ userId: 'u', tenantId: null, membershipId: null, role: 'platform_admin' }, booking)).toBeNull();
    expect(bookingSideOf(p('hub_admin', { tenantId: 'other' }), booking)).toBeNull();
  });

  it('lets each side see its own bookings only', () => {
    expect(canSeeBooking(p('employer_contact', { employerId: 'employer-1' }), booking)).toBe(true);
    expect(canSeeBooking(p('employer_contact', { employerId: 'employer-2' }), booking)).toBe(false);
    expect(canSeeBooking(p('coordinator', { clusterId: 'cluster-b' }), booking)).toBe(false);
    expect(canSeeBooking(p('school_staff', { schoolId: 'school-a' }), booking)).toBe(true);
    expect(bookingListScope(p('employer_contact', { employerId: 'employer-1' }))).toEqual({ kind: 'employer', employerId: 'employer-1' });
    expect(bookingListScope(p('coordinator', { clusterId: 'cluster-a' }))).toEqual({ kind: 'cluster', clusterId: 'cluster-a' });
    expect(bookingListScope(p('employer_contact'))).toEqual({ kind: 'none' });
  });
});

describe('what a change tells people', () => {
  it('asks the employer (with links) and/or the school about a new slot', () => {
    expect(effectsOf(null, 'accepted_by_school', 'create')).toEqual({
      notices: ['booking_request'],
      issueLinks: true,
      scheduleReminders: false,
    });
    expect(effectsOf(null, 'proposed', 'create')).toEqual({
      notices: ['booking_request', 'booking_awaiting_school'],
      issueLinks: true,
      scheduleReminders: false,
    });
    expect(effectsOf('confirmed', 'accepted_by_employer', 'reschedule')).toEqual({
      notices: ['booking_rescheduled', 'booking_awaiting_school'],
      issueLinks: false,
      scheduleReminders: false,
    });
  });

  it('tells nobody when one side accepts a proposal, both when it is confirmed', () => {
    expect(effectsOf('proposed', 'accepted_by_employer', 'accept').notices).toEqual([]);
    expect(effectsOf('accepted_by_employer', 'confirmed', 'accept')).toEqual({
      notices: ['booking_confirmed'],
      issueLinks: false,
      scheduleReminders: true,
    });
    expect(effectsOf('confirmed', 'cancelled', 'cancel').notices).toEqual(['booking_cancelled']);
    expect(effectsOf('accepted_by_school', 'declined', 'decline').notices).toEqual(['booking_declined']);
    expect(effectsOf('confirmed', 'delivered', 'mark_delivered').notices).toEqual([]);
  });
});

describe('accept / decline links', () => {
  const now = new Date('2026-02-01T10:00:00Z');
  const link: LinkFacts = { usedAt: null, usedAction: null, expiresAt: new Date('2026-02-10T10:00:00Z'), offerSessionId: 's1' };
  const booking = { state: 'accepted_by_school' as const, offerSessionId: 's1' };

  it('is good once, for the slot it was sent about, until it expires', () => {
    expect(judgeLink(link, booking, 'accept', now)).toBe('ok');
    expect(judgeLink({ ...link, usedAt: now, usedAction: 'accept' }, booking, 'accept', now)).toBe('used');
    expect(judgeLink({ ...link, usedAt: now, usedAction: 'accept' }, booking, 'decline', now)).toBe('used');
    expect(judgeLink(link, { ...booking, offerSessionId: 's2' }, 'accept', now)).toBe('superseded');
    expect(judgeLink(link, booking, 'accept', new Date('2026-02-10T10:00:00Z'))).toBe('expired');
  });

  it('says when the answer was already given another way, or the booking is closed', () => {
    expect(judgeLink(link, { ...booking, state: 'confirmed' }, 'accept', now)).toBe('already_answered');
    expect(judgeLink(link, { ...booking, state: 'declined' }, 'decline', now)).toBe('already_answered');
    expect(judgeLink(link, { ...booking, state: 'cancelled' }, 'accept', now)).toBe('closed');
    expect(judgeLink(link, { ...booking, state: 'confirmed' }, 'decline', now)).toBe('closed');
  });

  it('expires after the hub’s validity, never after the session starts', () => {
    const issued = new Date('2026-02-01T10:00:00Z');
    expect(linkExpiry(issued, 14, new Date('2026-03-01T10:00:00Z')).toISOString()).toBe('2026-02-15T10:00:00.000Z');
    expect(linkExpiry(issued, 14, new Date('2026-02-05T09:00:00Z')).toISOString()).toBe('2026-02-05T09:00:00.000Z');
  });
});

describe('hub booking settings', () => {
  it('changes only what is given, sorted and deduplicated, null resetting to the default', () => {
    const next = applyBookingSettingsPatch(DEFAULT_BOOKING_SETTINGS, { reminderDaysBefore: [1, 14, 7, 7], sendOnWeekends: true });
    expect(next).toEqual({ ...DEFAULT_BOOKING_SETTINGS, reminderDaysBefore: [14, 7, 1], sendOnWeekends: true });
    expect(applyBookingSettingsPatch(next, { reminderDaysBefore: null, sendOnWeekends: null })).toEqual(DEFAULT_BOOKING_SETTINGS);
    expect(applyBookingSettingsPatch(DEFAULT_BOOKING_SETTINGS, { reminderDaysBefore: [] }).reminderDaysBefore).toEqual([]);
  });

  it('reports every bad value at once, naming the field', () => {
    const p = problem(() =>
      applyBookingSettingsPatch(DEFAULT_BOOKING_SETTINGS, { reminderDaysBefore: [7, 0], sendFrom: '8am', linkValidityDays: 90 }),
    );
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.details).toEqual([
      expect.objectContaining({ field: 'input.reminderDaysBefore[1]', code: 'INVALID_NUMBER' }),
      expect.objectContaining({ field: 'input.sendFrom', code: 'INVALID_TIME' }),
      expect.objectContaining({ field: 'input.linkValidityDays', code: 'INVALID_NUMBER' }),
    ]);
    expect(problem(() => applyBookingSettingsPatch(DEFAULT_BOOKING_SETTINGS, { sendUntil: '07:00' }))).toMatchObject({
      code: 'INVALID_WINDOW',
      field: 'input.sendUntil',
    });
    expect(problem(() => applyBookingSettingsPatch(DEFAULT_BOOKING_SETTINGS, { reminderDaysBefore: [1, 2, 3, 4, 5, 6] }))).toMatchObject({
      field: 'input.reminderDaysBefore',
    });
  });
});

describe('termly check-in', () => {
  it('is due from its check-in date until the term starts, keyed by term', () => {
    expect(termlyCheckInDue('2026-06-30')).toBeNull();
    expect(termlyCheckInDue('2026-07-01')).toMatchObject({ term: '2026-autumn', startsOn: '2026-09-01' });
    expect(termlyCheckInDue('2026-08-31')?.term).toBe('2026-autumn');
    expect(termlyCheckInDue('2026-09-01')).toBeNull();
    expect(termlyCheckInDue('2026-11-15')).toMatchObject({ term: '2027-spring', label: 'spring term 2027' });
    expect(termlyCheckInDue('2026-12-31')?.term).toBe('2027-spring');
    expect(termlyCheckInDue('2027-03-01')?.term).toBe('2027-summer');
    expect(termlyCheckInDue('2027-04-15')).toBeNull();
  });

  it('knows when a term starts from its key', () => {
    expect(termStartsOn('2027-spring')).toBe('2027-01-01');
    expect(termStartsOn('2026-autumn')).toBe('2026-09-01');
    expect(termStartsOn('2026-winter')).toBeNull();
  });
});

describe('notification categories', () => {
  it('lets recipients switch off reminders, follow-ups, nudges and check-ins, never the booking itself', () => {
    expect(notificationCategoryOf('booking_reminder')).toBe('reminders');
    expect(notificationCategoryOf('vetting_expiring')).toBe('nudges');
    expect(notificationCategoryOf('termly_check_in')).toBe('check_ins');
    for (const essential of ['booking_request', 'booking_confirmed', 'booking_cancelled', 'booking_declined', 'booking_rescheduled']) {
      expect(notificationCategoryOf(essential)).toBeNull();
    }
  });
});

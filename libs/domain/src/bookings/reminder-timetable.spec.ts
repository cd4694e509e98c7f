import { followUpTime, isUrgent, nominalReminderTime, noticeTime, reminderTimes } from './reminder-timetable';
import { londonWallClock } from '../calendar-date';
import { ALWAYS, isWithinSendingHours, nextSendingTime, previousSendingTime, type SendingHours } from './sending-hours';

// 2026: BST starts Sunday 29 March (01:00 UTC), ends Sunday 25 October (01:00 UTC).
const WEEKDAYS_8_TO_8: SendingHours = { from: '08:00', until: '20:00', weekends: false };
const EVERY_DAY_8_TO_8: SendingHours = { from: '08:00', until: '20:00', weekends: true };
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();
const hoursBetween = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / 3_600_000;
const longAgo = at('2025-01-01T00:00:00Z');

describe('London wall clock', () => {
  it('reads GMT and BST either side of the March change', () => {
    expect(londonWallClock(at('2026-03-29T00:30:00Z'))).toEqual({ date: '2026-03-29', time: '00:30', weekday: 7 });
    expect(londonWallClock(at('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', time: '02:30', weekday: 7 });
  });

  it('reads BST and GMT either side of the October change, and the London date at night', () => {
    expect(londonWallClock(at('2026-10-25T00:30:00Z')).time).toBe('01:30'); // BST, first 01:30
    expect(londonWallClock(at('2026-10-25T01:30:00Z')).time).toBe('01:30'); // GMT, second 01:30
    expect(londonWallClock(at('2026-06-30T23:30:00Z')).date).toBe('2026-07-01');
  });
});

describe('reminders 7 days and 1 day before, on the London clock', () => {
  it('keeps the wall-clock time across the March change (167 hours, not 168)', () => {
    const startsAt = at('2026-04-02T09:00:00Z'); // Thursday 2 April, 10:00 BST
    const plan = reminderTimes(startsAt, [7, 1], WEEKDAYS_8_TO_8, longAgo);
    expect(plan.map((r) => [r.daysBefore, iso(r.sendAt)])).toEqual([
      [7, '2026-03-26T10:00:00.000Z'], // Thursday 26 March, 10:00 GMT
      [1, '2026-04-01T09:00:00.000Z'], // Wednesday 1 April, 10:00 BST
    ]);
    expect(hoursBetween(plan[0].sendAt, startsAt)).toBe(167);
  });

  it('keeps the wall-clock time across the October change (169 hours)', () => {
    const startsAt = at('2026-10-29T10:00:00Z'); // Thursday 29 October, 10:00 GMT
    const plan = reminderTimes(startsAt, [7, 1], WEEKDAYS_8_TO_8, longAgo);
    expect(plan.map((r) => iso(r.sendAt))).toEqual(['2026-10-22T09:00:00.000Z', '2026-10-28T10:00:00.000Z']);
    expect(hoursBetween(plan[0].sendAt, startsAt)).toBe(169);
  });

  it('reminds the day before a session on the day the clocks go forward, 23 hours earlier', () => {
    const startsAt = at('2026-03-29T13:00:00Z'); // Sunday 29 March, 14:00 BST
    const [oneDay] = reminderTimes(startsAt, [1], EVERY_DAY_8_TO_8, longAgo);
    expect(iso(oneDay.sendAt)).toBe('2026-03-28T14:00:00.000Z'); // Saturday, 14:00 GMT
    expect(hoursBetween(oneDay.sendAt, startsAt)).toBe(23);
  });

  it('reminds the day before a session on the day the clocks go back, 25 hours earlier', () => {
    const startsAt = at('2026-10-25T14:00:00Z'); // Sunday 25 October, 14:00 GMT
    const [oneDay] = reminderTimes(startsAt, [1], EVERY_DAY_8_TO_8, longAgo);
    expect(iso(oneDay.sendAt)).toBe('2026-10-24T13:00:00.000Z'); // Saturday, 14:00 BST
    expect(hoursBetween(oneDay.sendAt, startsAt)).toBe(25);
  });

  it('moves a reminder in quiet hours to the next opening when that is still well before the session', () => {
    const startsAt = at('2026-02-10T07:00:00Z'); // Tuesday 10 February, 07:00 GMT (a breakfast event)
    const plan = reminderTimes(startsAt, [7, 1], WEEKDAYS_8_TO_8, longAgo);
    expect(plan.map((r) => iso(r.sendAt))).toEqual(['2026-02-03T08:00:00.000Z', '2026-02-09T08:00:00.000Z']);
  });

  it('moves a Sunday reminder for a Monday session back to Friday evening (Monday 08:00 would be too late)', () => {
    const startsAt = at('2026-03-30T08:00:00Z'); // Monday 30 March, 09:00 BST, the day after the change
    const [oneDay] = reminderTimes(startsAt, [1], WEEKDAYS_8_TO_8, longAgo);
    expect(iso(oneDay.sendAt)).toBe('2026-03-27T20:00:00.000Z'); // Friday 27 March, 20:00 GMT
  });

  it('skips reminders whose time has passed when the booking is confirmed', () => {
    const startsAt = at('2026-02-10T13:30:00Z');
    expect(reminderTimes(startsAt, [7, 1], ALWAYS, at('2026-02-05T12:00:00Z')).map((r) => r.daysBefore)).toEqual([1]);
    expect(reminderTimes(startsAt, [7, 1], ALWAYS, at('2026-02-09T14:00:00Z'))).toEqual([]);
  });

  it('follows the hub: any days before, duplicates ignored, nothing at or after the start', () => {
    const startsAt = at('2026-05-20T12:00:00Z');
    expect(reminderTimes(startsAt, [14, 7, 7, 2], ALWAYS, longAgo).map((r) => r.daysBefore)).toEqual([14, 7, 2]);
    expect(reminderTimes(startsAt, [], ALWAYS, longAgo)).toEqual([]);
    expect(iso(nominalReminderTime(startsAt, 2))).toBe('2026-05-18T12:00:00.000Z');
  });
});

describe('sending hours', () => {
  it('is inclusive at both ends and closed at weekends unless allowed', () => {
    expect(isWithinSendingHours(at('2026-02-09T08:00:00Z'), WEEKDAYS_8_TO_8)).toBe(true); // Monday 08:00
    expect(isWithinSendingHours(at('2026-02-09T20:00:00Z'), WEEKDAYS_8_TO_8)).toBe(true);
    expect(isWithinSendingHours(at('2026-02-09T20:01:00Z'), WEEKDAYS_8_TO_8)).toBe(false);
    expect(isWithinSendingHours(at('2026-02-09T07:59:00Z'), WEEKDAYS_8_TO_8)).toBe(false);
    expect(isWithinSendingHours(at('2026-02-08T12:00:00Z'), WEEKDAYS_8_TO_8)).toBe(false); // Sunday
    expect(isWithinSendingHours(at('2026-07-06T07:30:00Z'), WEEKDAYS_8_TO_8)).toBe(true); // 08:30 BST
  });

  it('finds the next opening across the October change and over a weekend', () => {
    const saturdayNight = at('2026-10-24T20:00:00Z'); // Saturday 24 October, 21:00 BST
    expect(iso(nextSendingTime(saturdayNight, EVERY_DAY_8_TO_8))).toBe('2026-10-25T08:00:00.000Z'); // Sunday 08:00 GMT
    expect(iso(nextSendingTime(saturdayNight, WEEKDAYS_8_TO_8))).toBe('2026-10-26T08:00:00.000Z'); // Monday 08:00 GMT
    expect(iso(nextSendingTime(at('2026-03-28T21:00:00Z'), EVERY_DAY_8_TO_8))).toBe('2026-03-29T07:00:00.000Z'); // Sunday 08:00 BST
    const open = at('2026-02-09T10:00:00Z');
    expect(nextSendingTime(open, WEEKDAYS_8_TO_8)).toBe(open);
  });

  it('finds the last closing before a quiet time', () => {
    expect(iso(previousSendingTime(at('2026-02-09T06:00:00Z'), WEEKDAYS_8_TO_8))).toBe('2026-02-06T20:00:00.000Z'); // Monday 06:00 → Friday 20:00
    expect(iso(previousSendingTime(at('2026-07-06T21:00:00Z'), WEEKDAYS_8_TO_8))).toBe('2026-07-06T19:00:00.000Z'); // Monday 22:00 BST → 20:00 BST
  });
});

describe('follow-ups and urgent mail', () => {
  it('follows up after the session, within sending hours', () => {
    expect(iso(followUpTime(at('2026-02-06T15:00:00Z'), 2, WEEKDAYS_8_TO_8))).toBe('2026-02-06T17:00:00.000Z');
    expect(iso(followUpTime(at('2026-02-06T19:00:00Z'), 2, WEEKDAYS_8_TO_8))).toBe('2026-02-09T08:00:00.000Z'); // Friday 21:00 → Monday
  });

  it('sends notices about a session less than 48 hours away at once, others in sending hours', () => {
    const friday10pm = at('2026-02-06T22:00:00Z');
    expect(isUrgent(at('2026-02-08T21:59:00Z'), friday10pm)).toBe(true);
    expect(noticeTime(at('2026-02-07T10:00:00Z'), friday10pm, WEEKDAYS_8_TO_8)).toBe(friday10pm);
    expect(iso(noticeTime(at('2026-02-20T10:00:00Z'), friday10pm, WEEKDAYS_8_TO_8))).toBe('2026-02-09T08:00:00.000Z');
  });
});

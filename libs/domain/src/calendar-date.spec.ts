import fc from 'fast-check';
import {
  addDays,
  compareCalendarDates,
  daysBetween,
  formatLondonDate,
  formatLondonDateTime,
  londonWallClock,
  londonDateOf,
  isCalendarDate,
  isoWeekday,
  londonWallClockToInstant,
  parseFlexibleDate,
  toCalendarDate,
} from './calendar-date';
import { DomainError } from './errors';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2025-09-01')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-9-1')).toBe(false);
    expect(isCalendarDate(' 2025-09-01')).toBe(false);
    expect(isCalendarDate(20250901)).toBe(false);
  });

  it('reads a Date in UTC, whatever the local zone', () => {
    expect(toCalendarDate(new Date(Date.UTC(2026, 7, 31)))).toBe('2026-08-31');
    expect(toCalendarDate(new Date('2026-08-31T23:30:00Z'))).toBe('2026-08-31');
    expect(toCalendarDate('2026-08-31')).toBe('2026-08-31');
  });

  it('throws INVALID_DATE naming the field for a bad value', () => {
    try {
      toCalendarDate('2025-02-30', 'startsOn');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_DATE');
      expect((e as DomainError).field).toBe('startsOn');
      expect((e as DomainError).message).toContain('"2025-02-30"');
    }
    expect(() => toCalendarDate(new Date('nope'))).toThrow(DomainError);
  });

  it('does day arithmetic across month, year and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28'); // UK clocks change on 29 Mar 2026: irrelevant here
    expect(daysBetween('2025-09-01', '2026-08-31')).toBe(364);
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekday('2026-02-02')).toBe(1); // Monday
    expect(isoWeekday('2026-02-03')).toBe(2);
    expect(isoWeekday('2026-02-08')).toBe(7); // Sunday
  });

  it('orders dates', () => {
    expect(compareCalendarDates('2025-09-01', '2025-10-01')).toBe(-1);
    expect(compareCalendarDates('2025-10-01', '2025-09-01')).toBe(1);
    expect(compareCalendarDates('2025-09-01', '2025-09-01')).toBe(0);
  });

  it('parses the date formats spreadsheets use', () => {
    expect(parseFlexibleDate('2013-09-01')).toBe('2013-09-01');
    expect(parseFlexibleDate('01/09/2013')).toBe('2013-09-01');
    expect(parseFlexibleDate('1/9/2013')).toBe('2013-09-01');
    expect(parseFlexibleDate(' 29/02/2012 ')).toBe('2012-02-29');
    expect(parseFlexibleDate('29/02/2013')).toBeNull();
    expect(parseFlexibleDate('09/31/2013')).toBeNull();
    expect(parseFlexibleDate('2013/09/01')).toBeNull();
    expect(parseFlexibleDate('')).toBeNull();
  });

  it('addDays and daysBetween agree (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => {
          const a = toCalendarDate(d);
          const b = addDays(a, n);
          expect(isCalendarDate(b)).toBe(true);
          expect(daysBetween(a, b)).toBe(n);
        },
      ),
    );
  });
});

describe('londonWallClockToInstant', () => {
  it('reads GMT in winter and BST in summer', () => {
    expect(londonWallClockToInstant('2026-02-03', '13:30').toISOString()).toBe('2026-02-03T13:30:00.000Z');
    expect(londonWallClockToInstant('2026-06-03', '13:30').toISOString()).toBe('2026-06-03T12:30:00.000Z');
  });
  it('switches on the last Sundays of March and October', () => {
    // 2026: BST starts Sun 29 Mar 01:00 UTC, ends Sun 25 Oct 01:00 UTC.
    expect(londonWallClockToInstant('2026-03-28', '12:00').toISOString()).toBe('2026-03-28T12:00:00.000Z');
    expect(londonWallClockToInstant('2026-03-29', '00:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(londonWallClockToInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(londonWallClockToInstant('2026-10-24', '12:00').toISOString()).toBe('2026-10-24T11:00:00.000Z');
    expect(londonWallClockToInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T12:00:00.000Z');
  });
  it('agrees with Intl for every day of a few years at 09:00 and 15:30', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let d = '2024-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      for (const t of ['09:00', '15:30']) expect(fmt.format(londonWallClockToInstant(d, t))).toBe(t);
    }
  });
  it('refuses a bad time', () => {
    expect(() => londonWallClockToInstant('2026-02-03', '25:00')).toThrow(DomainError);
  });
});

describe('londonDateOf', () => {
  it('reads the London date, not the UTC one', () => {
    expect(londonDateOf(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01'); // BST
    expect(londonDateOf(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31'); // GMT
    expect(londonDateOf(Date.parse('2026-03-29T00:59:00Z'))).toBe('2026-03-29');
    expect(londonDateOf(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // still GMT
    expect(londonDateOf(Date.parse('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // last hour of BST
  });
  it('agrees with Intl for every hour of two years', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) expect(londonDateOf(ms)).toBe(fmt.format(ms));
  });
});

describe('the London clock (one implementation, checked against the platform time-zone database)', () => {
  const intl = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const viaIntl = (ms: number): string => {
    const parts = Object.fromEntries(intl.formatToParts(new Date(ms)).map((p) => [p.type, p.value])) as Record<string, string>;
    const zone = parts['timeZoneName'] === 'GMT+1' ? 'BST' : parts['timeZoneName'];
    return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']} at ${parts['hour']}:${parts['minute']} (${zone})`;
  };

  it('reads every half hour of 2025–2027 as Intl does, clock changes included', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 30 * 60_000) {
      const ours = formatLondonDateTime(ms);
      if (ours !== viaIntl(ms)) mismatches.push(`${new Date(ms).toISOString()}: ${ours} ≠ ${viaIntl(ms)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('names the wall clock, weekday and zone', () => {
    expect(londonWallClock(new Date('2026-03-29T00:59:00Z'))).toEqual({ date: '2026-03-29', time: '00:59', weekday: 7 });
    expect(londonWallClock(new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '02:00', weekday: 7 });
    expect(formatLondonDateTime(new Date('2026-03-31T23:30:00Z'))).toBe('Wednesday 1 April 2026 at 00:30 (BST)');
    expect(formatLondonDate('2026-02-03')).toBe('Tuesday 3 February 2026');
  });
});

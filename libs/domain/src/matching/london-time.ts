import { daysInMonth, formatCalendarDate, isoWeekday, type CalendarDate } from '../calendar-date';

/**
 * Instants read on the Europe/London wall clock (the UK rule since 1996: BST from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October), without the host's time zone.
 */

function lastSundayUtcOneAm(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const weekday = isoWeekday(formatCalendarDate({ year, month, day: last })) % 7; // Sunday → 0
  return Date.UTC(year, month - 1, last - weekday, 1, 0);
}

/** Each year's summer-time span [start, end) in UTC ms, worked out once per year. */
const summerTime = new Map<number, readonly [number, number]>();

/** Milliseconds to add to a UTC instant to read it on the London wall clock (0 or one hour). */
export function londonOffsetMs(instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  let span = summerTime.get(year);
  if (span === undefined) summerTime.set(year, (span = [lastSundayUtcOneAm(year, 3), lastSundayUtcOneAm(year, 10)]));
  return instantMs >= span[0] && instantMs < span[1] ? 3_600_000 : 0;
}

/** The London calendar date of an instant. */
export function londonDate(instantMs: number): CalendarDate {
  return new Date(instantMs + londonOffsetMs(instantMs)).toISOString().slice(0, 10);
}

/** The London calendar month of an instant, `YYYY-MM`. */
export function londonMonth(instantMs: number): string {
  return londonDate(instantMs).slice(0, 7);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03` → `March 2026`. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

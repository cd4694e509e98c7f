import { londonDateOf, type CalendarDate } from '../calendar-date';

/**
 * Instants read on the Europe/London wall clock (the UK rule since 1996: BST from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October), without the host's time zone.
 */

/** The London calendar date of an instant. */
export function londonDate(instantMs: number): CalendarDate {
  return londonDateOf(instantMs);
}

/** The London calendar month of an instant, `YYYY-MM`. */
export function londonMonth(instantMs: number): string {
  return londonDate(instantMs).slice(0, 7);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03` → `March 2026`. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

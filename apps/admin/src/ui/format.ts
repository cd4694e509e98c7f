/**
 * How the app writes things: dates and times in Europe/London, activity types and formats in words,
 * booking states as a person says them, percentages that never claim more than they know.
 */
import {
  ACTIVITY_TYPE_LABELS,
  addDays as addCalendarDays,
  daysBetween as calendarDaysBetween,
  FORMAT_LABELS,
  formatLondonDate,
  londonDateOf,
  londonWallClock,
  londonWallClockToInstant,
  SCHOOL_PHASE_LABELS,
  SECTOR_LABELS,
  SIZE_BAND_LABELS,
  VETTING_KIND_LABELS,
} from '@tandem/domain';

// London time and the vocabulary's words come from the domain (the same code the API's emails use),
// so the app and the server cannot disagree about a date near the clock change or about a label.

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
const instant = (value: string): Date | null => {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** "Tue 3 Feb 2026" for an instant (its London day) or a YYYY-MM-DD calendar date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (isDay(value)) return formatLondonDate(value, 'short');
  const d = instant(value);
  return d ? formatLondonDate(londonDateOf(d), 'short') : value;
}

/** "Tue 3 Feb 2026, 13:30–15:00" (London time). */
export function formatSlot(startsAt: string, endsAt: string): string {
  const s = instant(startsAt);
  const e = instant(endsAt);
  if (!s || !e) return `${startsAt} – ${endsAt}`;
  const from = londonWallClock(s);
  const to = londonWallClock(e);
  const fromDay = formatLondonDate(from.date, 'short');
  return from.date === to.date
    ? `${fromDay}, ${from.time}–${to.time}`
    : `${fromDay} ${from.time} – ${formatLondonDate(to.date, 'short')} ${to.time}`;
}

export function formatTime(value: string): string {
  const d = instant(value);
  return d ? londonWallClock(d).time : value;
}

/** The London calendar day (YYYY-MM-DD) of an instant. */
export function londonDay(value: string | Date): string {
  return londonDateOf(typeof value === 'string' ? new Date(value) : value);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  return addCalendarDays(day, n);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return calendarDaysBetween(from, to);
}

/** A London wall-clock date and time ("2026-02-03", "13:30") as an ISO instant, whatever the browser's own zone. */
export function londonToIso(day: string, time: string): string {
  return londonWallClockToInstant(day, time).toISOString();
}

export const ACTIVITY_TYPES: Record<string, string> = ACTIVITY_TYPE_LABELS;
export const FORMATS: Record<string, string> = FORMAT_LABELS;
export const SECTORS: Record<string, string> = SECTOR_LABELS;
export const SIZE_BANDS: Record<string, string> = SIZE_BAND_LABELS;
export const PHASES: Record<string, string> = SCHOOL_PHASE_LABELS;
export const VETTING_KINDS: Record<string, string> = VETTING_KIND_LABELS;

export const BOOKING_STATES: Record<string, string> = {
  proposed: 'Waiting for both sides',
  accepted_by_school: 'Waiting for the employer',
  accepted_by_employer: 'Waiting for the school',
  confirmed: 'Confirmed',
  delivered: 'Delivered: attendance to record',
  recorded: 'Recorded',
  declined: 'Declined',
  cancelled: 'Cancelled',
  no_show: 'Did not take place',
};

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '—';
  return map[key] ?? key.replace(/_/g, ' ');
}

export function choicesOf(map: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(map).map(([value, l]) => ({ value, label: l }));
}

/** "Year 11" / "Years 7–11" / "Years 7, 9, 11". */
export function yearGroupsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  if (!sorted.length) return '—';
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  const contiguous = sorted.every((y, i) => i === 0 || y === (sorted[i - 1] ?? 0) + 1);
  return contiguous ? `Years ${sorted[0]}–${sorted[sorted.length - 1]}` : `Years ${sorted.join(', ')}`;
}

/** 0.4567 → "46%"; null/undefined (nothing to count) → "—". Never rounds a partial up to 100%. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  const pct = ratio * 100;
  const rounded = pct >= 99.5 && pct < 100 ? 99 : Math.round(pct);
  return `${rounded}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

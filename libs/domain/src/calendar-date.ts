import { DomainError } from './errors';

/**
 * A calendar date without time or zone, written `YYYY-MM-DD` (what PostgreSQL `date` columns hold).
 * All arithmetic here is on year/month/day numbers or on UTC midnights, so no local time zone can
 * move a date by a day.
 */
export type CalendarDate = string;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is false). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = ISO_SHAPE.exec(value);
  return m !== null && isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatCalendarDate(parts: DateParts): CalendarDate {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/**
 * The year/month/day of a `YYYY-MM-DD` string or of a Date read in UTC (a Date is taken to be a
 * UTC midnight, as a driver gives `date` columns; its UTC fields are used, never local ones).
 */
export function dateParts(date: CalendarDate | Date, field = 'date'): DateParts {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw DomainError.invalid(field, 'INVALID_DATE', `${field} is not a valid date`);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const m = typeof date === 'string' ? ISO_SHAPE.exec(date) : null;
  if (!m || !isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw DomainError.invalid(field, 'INVALID_DATE', `${field} must be a real date written YYYY-MM-DD (got ${JSON.stringify(date)})`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Normalise a `YYYY-MM-DD` string or a UTC Date to `YYYY-MM-DD`. */
export function toCalendarDate(date: CalendarDate | Date, field = 'date'): CalendarDate {
  return formatCalendarDate(dateParts(date, field));
}

function toUtcMs(d: CalendarDate): number {
  const p = dateParts(d);
  return Date.UTC(p.year, p.month - 1, p.day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(new Date(toUtcMs(date) + days * 86_400_000));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const d = new Date(toUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Lexicographic order of `YYYY-MM-DD` is date order. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const UK_SHAPE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as spreadsheets in England write it: `YYYY-MM-DD` or `DD/MM/YYYY` (day first; `D/M/YYYY`
 * allowed). Returns `YYYY-MM-DD`, or null when it is neither or not a real date.
 */
export function parseFlexibleDate(text: string): CalendarDate | null {
  const s = text.trim();
  if (isCalendarDate(s)) return s;
  const m = UK_SHAPE.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDateParts(year, month, day) ? formatCalendarDate({ year, month, day }) : null;
}

/** The last Sunday of a month, as a day number. */
function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const weekday = new Date(Date.UTC(year, month - 1, last)).getUTCDay(); // 0 = Sunday
  return last - weekday;
}

// ── Europe/London: the one place the product reads instants on the London clock ──────────────────
// Arithmetic on the UK rule (no Intl, no host time zone), so server, worker and browser agree.

/** Each year's British Summer Time span [start, end) in UTC ms, worked out once per year. */
const summerTime = new Map<number, readonly [number, number]>();

/** Milliseconds to add to an instant to read it on the Europe/London wall clock (0 in GMT, an hour in BST). */
export function londonOffsetMs(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const year = new Date(ms).getUTCFullYear();
  let span = summerTime.get(year);
  if (span === undefined)
    summerTime.set(year, (span = [Date.UTC(year, 2, lastSunday(year, 3), 1, 0), Date.UTC(year, 9, lastSunday(year, 10), 1, 0)]));
  return ms >= span[0] && ms < span[1] ? 3_600_000 : 0;
}

/** The Europe/London calendar date of an instant. */
export function londonDateOf(instant: Date | number): CalendarDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + londonOffsetMs(ms)).toISOString().slice(0, 10);
}

/**
 * The instant at which a Europe/London wall-clock time occurs (UK rule since 1996: BST from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October). A time inside the spring
 * gap is read as GMT; an ambiguous autumn time as the first (BST) occurrence.
 */
export function londonWallClockToInstant(date: CalendarDate, time: string): Date {
  const { year, month, day } = dateParts(date);
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw DomainError.invalid('time', 'INVALID_TIME', `time must be written HH:MM (got ${JSON.stringify(time)})`);
  const asUtc = Date.UTC(year, month - 1, day, Number(m[1]), Number(m[2]));
  const bstStart = Date.UTC(year, 2, lastSunday(year, 3), 1, 0);
  const bstEnd = Date.UTC(year, 9, lastSunday(year, 10), 1, 0);
  const inBst = asUtc - 3_600_000 >= bstStart && asUtc - 3_600_000 < bstEnd;
  return new Date(inBst ? asUtc - 3_600_000 : asUtc);
}

export interface LondonWallClock {
  date: CalendarDate;
  /** HH:MM */
  time: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

/** The London date, time and weekday of an instant. */
export function londonWallClock(instant: Date | number): LondonWallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = new Date(ms + londonOffsetMs(ms)).toISOString();
  const date = local.slice(0, 10);
  return { date, time: local.slice(11, 16), weekday: isoWeekday(date) };
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
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

/** "Tuesday 3 February 2026" (or, `short`, "Tue 3 Feb 2026"): a calendar date in words. */
export function formatLondonDate(date: CalendarDate, style: 'long' | 'short' = 'long'): string {
  const { year, month, day } = dateParts(date);
  const weekday = WEEKDAY_NAMES[isoWeekday(date) - 1] ?? '';
  const monthName = MONTH_NAMES[month - 1] ?? '';
  return style === 'long' ? `${weekday} ${day} ${monthName} ${year}` : `${weekday.slice(0, 3)} ${day} ${monthName.slice(0, 3)} ${year}`;
}

/** "Tuesday 3 February 2026 at 13:30 (GMT)": an instant on the London clock, naming GMT or BST. */
export function formatLondonDateTime(instant: Date | number): string {
  const { date, time } = londonWallClock(instant);
  return `${formatLondonDate(date)} at ${time} (${londonOffsetMs(instant) ? 'BST' : 'GMT'})`;
}

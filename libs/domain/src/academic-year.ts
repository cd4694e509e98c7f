import { dateParts, formatCalendarDate, type CalendarDate } from './calendar-date';
import { DomainError } from './errors';

/**
 * The English school calendar. An academic year runs 1 September – 31 August and is named by the
 * year it starts in (2025 = 2025/26). A date is a calendar date (`YYYY-MM-DD`, or a Date read in UTC).
 */

/** English academic year runs 1 September – 31 August; it is named by the year it starts in. */
export function academicYearOf(date: CalendarDate | Date): number {
  const { year, month } = dateParts(date);
  return month >= 9 ? year : year - 1;
}

/** 1 September of the academic year. */
export function academicYearStart(academicYear: number): CalendarDate {
  assertYear(academicYear);
  return formatCalendarDate({ year: academicYear, month: 9, day: 1 });
}

/** 31 August at the end of the academic year. */
export function academicYearEnd(academicYear: number): CalendarDate {
  assertYear(academicYear);
  return formatCalendarDate({ year: academicYear + 1, month: 8, day: 31 });
}

/** 2025 → "2025/26". */
export function academicYearLabel(academicYear: number): string {
  assertYear(academicYear);
  return `${academicYear}/${String((academicYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The year group a child born on `dob` is in on `onDate`, on the English rule: children born
 * 1 Sep – 31 Aug form one cohort, and Year 7 is the cohort that was 11 on the 31 August before the
 * academic year began (born 1 Sep 2013 – 31 Aug 2014 → Year 7 in 2025/26). Reception is 0, so the
 * result may be below 7 or above 13: the caller decides what is in range.
 */
export function yearGroupFromDateOfBirth(dob: CalendarDate | Date, onDate: CalendarDate | Date): number {
  return academicYearOf(onDate) - cohortOf(dob) - 5;
}

/** The academic year a child was born in (their cohort). */
function cohortOf(dob: CalendarDate | Date): number {
  const { year, month } = dateParts(dob, 'dateOfBirth');
  return month >= 9 ? year : year - 1;
}

/** The dates of birth of the children in `yearGroup` during `academicYear` (inclusive both ends). */
export function dateOfBirthRangeForYearGroup(yearGroup: number, academicYear: number): { from: CalendarDate; to: CalendarDate } {
  if (!Number.isInteger(yearGroup) || yearGroup < 0 || yearGroup > 14) {
    throw DomainError.invalid(
      'yearGroup',
      'INVALID_YEAR_GROUP',
      `yearGroup must be a whole number from 0 to 14 (got ${String(yearGroup)})`,
    );
  }
  assertYear(academicYear);
  const cohort = academicYear - yearGroup - 5;
  return { from: formatCalendarDate({ year: cohort, month: 9, day: 1 }), to: formatCalendarDate({ year: cohort + 1, month: 8, day: 31 }) };
}

function assertYear(academicYear: number): void {
  if (!Number.isInteger(academicYear) || academicYear < 1900 || academicYear > 2999) {
    throw DomainError.invalid('academicYear', 'INVALID_DATE', `academicYear must be a year such as 2025 (got ${String(academicYear)})`);
  }
}

// ── cohorts and rolls (used by the benchmark ledger) ────────────────────────

/**
 * A pupil's cohort as the academic year they are (or were, or will be) in Year 7. From a date of
 * birth: born 1 Sep 2013 – 31 Aug 2014 → Year 7 in 2025/26 → 2025. Storing this one number lets
 * every later academic year give the year group without re-reading the birth date.
 */
export function entryYearFromDateOfBirth(dob: CalendarDate | Date): number {
  return cohortOf(dob) + 12;
}

/** The Year-7 academic year of a pupil known to be in `yearGroup` during `academicYear`. */
export function entryYearFromYearGroup(yearGroup: number, academicYear: number): number {
  if (!Number.isInteger(yearGroup) || yearGroup < 0 || yearGroup > 14) {
    throw DomainError.invalid(
      'yearGroup',
      'INVALID_YEAR_GROUP',
      `yearGroup must be a whole number from 0 to 14 (got ${String(yearGroup)})`,
    );
  }
  assertYear(academicYear);
  return academicYear - (yearGroup - 7);
}

/** The year group of a pupil with this entry year during `academicYear` (may be outside 7–13). */
export function yearGroupIn(entryYear: number, academicYear: number): number {
  return academicYear - entryYear + 7;
}

/** A stretch of time on a school's roll; `to` null means still on roll. Both ends inclusive. */
export interface OnRollInterval {
  readonly from: CalendarDate;
  readonly to: CalendarDate | null;
}

/** On roll on this day? */
export function isOnRollOn(interval: OnRollInterval, date: CalendarDate): boolean {
  return interval.from <= date && (interval.to === null || date <= interval.to);
}

/**
 * The academic years an interval touches, first to last (inclusive). An open interval runs to
 * `lastAcademicYear` (callers cap it, e.g. at the pupil's Year 13).
 */
export function academicYearsOnRoll(interval: OnRollInterval, lastAcademicYear: number): number[] {
  const first = academicYearOf(interval.from);
  const last = Math.min(interval.to === null ? lastAcademicYear : academicYearOf(interval.to), lastAcademicYear);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

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
    throw DomainError.invalid('yearGroup', 'INVALID_YEAR_GROUP', `yearGroup must be a whole number from 0 to 14 (got ${String(yearGroup)})`);
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

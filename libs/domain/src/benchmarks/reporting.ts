import { academicYearOf } from '../academic-year';
import type { CalendarDate } from '../calendar-date';

/**
 * The days schools report on: 31 December, 31 March and 31 July of an academic year. Snapshots
 * frozen on them let a report be reproduced later, whatever was corrected since.
 */
export function reportingDatesOf(academicYear: number): CalendarDate[] {
  return [`${academicYear}-12-31`, `${academicYear + 1}-03-31`, `${academicYear + 1}-07-31`];
}

/**
 * Reporting days of today's academic year that have ended on the London calendar, oldest first. A
 * day is frozen once it is over, never during it: a snapshot as of 31 December taken at 00:30 on
 * the 31st would miss everything that happened and was recorded that day.
 */
export function reportingDatesDue(today: CalendarDate): CalendarDate[] {
  return reportingDatesOf(academicYearOf(today)).filter((d) => d < today);
}

/** met / pupils as a percentage with one decimal; null when there is nobody to count. */
export function coveragePercentage(met: number, pupils: number): number | null {
  if (pupils <= 0) return null;
  return Math.round((met / pupils) * 1000) / 10;
}

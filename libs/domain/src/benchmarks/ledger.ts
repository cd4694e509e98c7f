import { academicYearEnd, academicYearOf, academicYearStart, isOnRollOn, yearGroupIn, type OnRollInterval } from '../academic-year';
import type { CalendarDate } from '../calendar-date';
import type { Benchmark } from '../vocabulary';
import { qualification, windowIndexFor, type BenchmarkPolicy, type BenchmarkRule, type EncounterKind } from './policy';

/**
 * The ledger: for every pupil, academic year and benchmark, which window of the policy applies and
 * which counted encounters fall in it. This is the plain in-memory version of what the database
 * keeps in `ledger_pupil_years` (maintained by triggers); the property tests hold the two equal.
 *
 * An encounter counts for a pupil and a benchmark when it was delivered, the pupil attended (not a
 * headcount), the pupil was on the roll of the encounter's school that day, and the policy counts
 * its activity type, format and checklist for that benchmark. A window is met on the day of the
 * minimum-th counted encounter in it; a year's row is met when that day is within the year.
 */

export const ENCOUNTER_STATUSES = ['planned', 'delivered', 'cancelled'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

/** A time on one school's roll, with the year groups that school teaches. */
export interface OnRollStint extends OnRollInterval {
  readonly schoolId: string;
  readonly lowestYearGroup: number;
  readonly highestYearGroup: number;
}

/** An encounter the pupil is recorded as attending. */
export interface AttendedEncounter extends EncounterKind {
  readonly id: string;
  readonly schoolId: string;
  readonly date: CalendarDate;
  readonly status: EncounterStatus;
  /** A headcount-only encounter has no attendance; listed here only to say why it does not count. */
  readonly headcountOnly: boolean;
}

export interface PupilHistory {
  readonly pupilId: string;
  readonly reference: string;
  /** The academic year the pupil is in Year 7 (see entryYearFromDateOfBirth / entryYearFromYearGroup). */
  readonly entryYear: number;
  /** See priorityRank in gaps.ts. */
  readonly priorityRank: number;
  /** Usually one; a pupil who moved school has one per school. */
  readonly stints: readonly OnRollStint[];
  readonly encounters: readonly AttendedEncounter[];
}

export interface LedgerRow {
  readonly pupilId: string;
  readonly schoolId: string;
  readonly academicYear: number;
  readonly benchmark: Benchmark;
  readonly yearGroup: number;
  readonly windowIndex: number;
  readonly minimum: number;
  /** Counted encounters' dates in the window up to the end of this academic year, in order. */
  readonly encounterDates: readonly CalendarDate[];
  /** The day the window's minimum was reached (possibly after this year), or null. */
  readonly metOn: CalendarDate | null;
  /** Met by the end of this academic year. */
  readonly met: boolean;
  readonly onRollFrom: CalendarDate;
  readonly onRollTo: CalendarDate | null;
  readonly priorityRank: number;
  readonly reference: string;
}

/** The first and last day of a window for a pupil with this entry year. */
export function windowSpan(
  entryYear: number,
  window: { fromYearGroup: number; toYearGroup: number },
): { from: CalendarDate; to: CalendarDate } {
  return { from: academicYearStart(entryYear + window.fromYearGroup - 7), to: academicYearEnd(entryYear + window.toYearGroup - 7) };
}

/** Why an attended encounter does not count for a benchmark (empty when it does, in some window). */
export function reasonsNotCounted(history: PupilHistory, rule: BenchmarkRule, e: AttendedEncounter): string[] {
  if (e.status !== 'delivered') return [`${e.status}, not delivered`];
  if (e.headcountOnly) return ['recorded as a headcount only, not pupil by pupil'];
  const onRoll = history.stints.some((s) => s.schoolId === e.schoolId && isOnRollOn(s, e.date));
  if (!onRoll) return [`not on the school's roll on ${e.date}`];
  const q = qualification(rule, e);
  if (!q.counts) return q.reasons;
  const yg = yearGroupIn(history.entryYear, academicYearOf(e.date));
  if (windowIndexFor(rule, yg) < 0) return [`in Year ${yg} then, outside the years Benchmark ${rule.benchmark} counts`];
  return [];
}

/** Dates of the encounters that count for this benchmark (any window), in order. */
export function countedDates(history: PupilHistory, rule: BenchmarkRule): CalendarDate[] {
  return history.encounters
    .filter((e) => reasonsNotCounted(history, rule, e).length === 0)
    .map((e) => e.date)
    .sort();
}

/** Every ledger row of a pupil under a policy: one per stint, academic year on roll and benchmark. */
export function ledgerRows(history: PupilHistory, policy: BenchmarkPolicy): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const rule of policy.benchmarks) {
    const dates = countedDates(history, rule);
    for (const stint of history.stints) {
      const first = Math.max(academicYearOf(stint.from), history.entryYear + stint.lowestYearGroup - 7);
      const last = Math.min(
        stint.to === null ? Number.POSITIVE_INFINITY : academicYearOf(stint.to),
        history.entryYear + stint.highestYearGroup - 7,
      );
      for (let ay = first; ay <= last; ay++) {
        const yearGroup = yearGroupIn(history.entryYear, ay);
        const windowIndex = windowIndexFor(rule, yearGroup);
        if (windowIndex < 0) continue;
        const window = rule.windows[windowIndex];
        const span = windowSpan(history.entryYear, window);
        const inWindow = dates.filter((d) => span.from <= d && d <= span.to);
        const yearEnd = academicYearEnd(ay);
        const metOn = inWindow[window.minimum - 1] ?? null;
        rows.push({
          pupilId: history.pupilId,
          schoolId: stint.schoolId,
          academicYear: ay,
          benchmark: rule.benchmark,
          yearGroup,
          windowIndex,
          minimum: window.minimum,
          encounterDates: inWindow.filter((d) => d <= yearEnd),
          metOn,
          met: metOn !== null && metOn <= yearEnd,
          onRollFrom: stint.from,
          onRollTo: stint.to,
          priorityRank: history.priorityRank,
          reference: history.reference,
        });
      }
    }
  }
  return rows;
}

/** A row seen from a day: is the pupil counted yet, have they met it, how many encounters so far. */
export function rowAsOf(row: LedgerRow, asOf: CalendarDate): { counted: boolean; met: boolean; encounters: number } {
  const cutoff = asOf < academicYearEnd(row.academicYear) ? asOf : academicYearEnd(row.academicYear);
  const counted = academicYearStart(row.academicYear) <= asOf && row.onRollFrom <= cutoff;
  return {
    counted,
    met: counted && row.metOn !== null && row.metOn <= cutoff,
    encounters: counted ? row.encounterDates.filter((d) => d <= cutoff).length : 0,
  };
}

export interface CoverageCount {
  readonly schoolId: string;
  readonly academicYear: number;
  readonly yearGroup: number;
  readonly benchmark: Benchmark;
  readonly pupils: number;
  readonly met: number;
  /** Pupils in any priority group (priorityRank > 0). */
  readonly priorityPupils: number;
  readonly priorityMet: number;
  readonly disadvantagedPupils: number;
  readonly disadvantagedMet: number;
}

/**
 * Counts per school, academic year, year group and benchmark: what `ledger_school_counts` holds.
 * With `asOf`, only rows counted by that day (see rowAsOf), as a snapshot takes them.
 */
export function countCoverage(rows: readonly LedgerRow[], asOf?: CalendarDate): CoverageCount[] {
  const counts = new Map<string, { -readonly [K in keyof CoverageCount]: CoverageCount[K] }>();
  for (const row of rows) {
    const seen = asOf === undefined ? { counted: true, met: row.met } : rowAsOf(row, asOf);
    if (!seen.counted) continue;
    const key = `${row.schoolId}|${row.academicYear}|${row.yearGroup}|${row.benchmark}`;
    let c = counts.get(key);
    if (!c) {
      c = {
        schoolId: row.schoolId,
        academicYear: row.academicYear,
        yearGroup: row.yearGroup,
        benchmark: row.benchmark,
        pupils: 0,
        met: 0,
        priorityPupils: 0,
        priorityMet: 0,
        disadvantagedPupils: 0,
        disadvantagedMet: 0,
      };
      counts.set(key, c);
    }
    const priority = row.priorityRank > 0;
    const disadvantaged = isDisadvantagedRank(row.priorityRank);
    c.pupils += 1;
    c.met += seen.met ? 1 : 0;
    c.priorityPupils += priority ? 1 : 0;
    c.priorityMet += priority && seen.met ? 1 : 0;
    c.disadvantagedPupils += disadvantaged ? 1 : 0;
    c.disadvantagedMet += disadvantaged && seen.met ? 1 : 0;
  }
  return [...counts.values()];
}

/** The disadvantaged flag is the rank's highest bit (see priorityRank). */
export function isDisadvantagedRank(rank: number): boolean {
  return rank >= 8;
}

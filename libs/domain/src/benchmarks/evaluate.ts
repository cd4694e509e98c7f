import { academicYearEnd, academicYearLabel, yearGroupIn } from '../academic-year';
import type { CalendarDate } from '../calendar-date';
import type { Benchmark } from '../vocabulary';
import { ledgerRows, reasonsNotCounted, rowAsOf, windowSpan, type LedgerRow, type PupilHistory } from './ledger';
import { ruleFor, type BenchmarkPolicy, type PolicyWindow } from './policy';

/**
 * A pupil's standing against each benchmark on a day, with the reasons in words a careers leader
 * can check: which encounters counted, which did not and why.
 */

export const BENCHMARK_STATES = ['met', 'not_yet', 'missed', 'not_applicable'] as const;
export type BenchmarkState = (typeof BENCHMARK_STATES)[number];

export interface BenchmarkStatus {
  readonly benchmark: Benchmark;
  readonly academicYear: number;
  /** The pupil's year group in that academic year. */
  readonly yearGroup: number;
  /** The window of the policy that year falls in (null when none does). */
  readonly window: PolicyWindow | null;
  readonly windowEndsOn: CalendarDate | null;
  readonly state: BenchmarkState;
  /** Counted encounters in the window up to the day. */
  readonly counted: number;
  readonly minimum: number;
  readonly metOn: CalendarDate | null;
  readonly reasons: string[];
}

export interface EncounterVerdict {
  readonly encounterId: string;
  readonly date: CalendarDate;
  readonly benchmark: Benchmark;
  readonly counts: boolean;
  /** Why not, when it does not count. */
  readonly reasons: string[];
}

export interface PupilEvaluation {
  readonly academicYear: number;
  readonly asOf: CalendarDate;
  readonly yearGroup: number;
  readonly statuses: BenchmarkStatus[];
  readonly encounters: EncounterVerdict[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function statusFrom(
  row: LedgerRow | undefined,
  history: PupilHistory,
  policy: BenchmarkPolicy,
  benchmark: Benchmark,
  academicYear: number,
  asOf: CalendarDate,
): BenchmarkStatus {
  const rule = ruleFor(policy, benchmark);
  const yearGroup = yearGroupIn(history.entryYear, academicYear);
  const label = academicYearLabel(academicYear);
  const yearEnd = academicYearEnd(academicYear);
  const cutoff = asOf < yearEnd ? asOf : yearEnd;
  const windowIndex = rule.windows.findIndex((w) => w.fromYearGroup <= yearGroup && yearGroup <= w.toYearGroup);
  const window = windowIndex >= 0 ? rule.windows[windowIndex] : null;
  const base = { benchmark, academicYear, yearGroup, window, windowEndsOn: window ? windowSpan(history.entryYear, window).to : null };
  const none = (reason: string): BenchmarkStatus => ({
    ...base,
    state: 'not_applicable',
    counted: 0,
    minimum: window?.minimum ?? 0,
    metOn: null,
    reasons: [reason],
  });

  if (!window)
    return none(
      `Year ${yearGroup} in ${label}: Benchmark ${benchmark} counts Years ${rule.windows[0].fromYearGroup}–${rule.windows[rule.windows.length - 1].toYearGroup}`,
    );
  if (!row) return none(`not on the roll of a school teaching Year ${yearGroup} in ${label}`);
  const seen = rowAsOf(row, asOf);
  if (!seen.counted) return none(`not yet on roll by ${asOf} (on roll from ${row.onRollFrom})`);

  const counted = seen.encounters;
  const needs = `${plural(counted, 'counted encounter')} of ${window.minimum} needed in ${window.label}`;
  if (seen.met)
    return { ...base, state: 'met', counted, minimum: window.minimum, metOn: row.metOn, reasons: [`met on ${row.metOn}: ${needs}`] };
  const windowEnd = base.windowEndsOn as CalendarDate;
  const left = row.onRollTo !== null && row.onRollTo < cutoff;
  const closed = cutoff >= windowEnd || left;
  const why = left ? `left on ${row.onRollTo}` : closed ? `the window ended on ${windowEnd}` : `the window runs to ${windowEnd}`;
  return {
    ...base,
    state: closed ? 'missed' : 'not_yet',
    counted,
    minimum: window.minimum,
    metOn: null,
    reasons: [`${closed ? 'missed' : 'not yet'}: ${needs}; ${why}`],
  };
}

/**
 * The pupil's status for each benchmark in `academicYear` as it stood on `asOf` (encounters after
 * `asOf` are not counted), and a verdict on every attended encounter.
 */
export function evaluatePupil(history: PupilHistory, policy: BenchmarkPolicy, academicYear: number, asOf: CalendarDate): PupilEvaluation {
  const rows = ledgerRows(history, policy);
  const statuses = policy.benchmarks.map((rule) => {
    // A pupil who moved school mid-year has a row per school: the later stint speaks for them.
    const candidates = rows.filter((r) => r.academicYear === academicYear && r.benchmark === rule.benchmark && r.onRollFrom <= asOf);
    const row =
      candidates.sort((a, b) => (a.onRollFrom < b.onRollFrom ? 1 : -1))[0] ??
      rows.find((r) => r.academicYear === academicYear && r.benchmark === rule.benchmark);
    return statusFrom(row, history, policy, rule.benchmark, academicYear, asOf);
  });
  const encounters = [...history.encounters]
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1))
    .flatMap((e) =>
      policy.benchmarks.map((rule): EncounterVerdict => {
        const reasons = e.date > asOf ? [`after ${asOf}`] : reasonsNotCounted(history, rule, e);
        return { encounterId: e.id, date: e.date, benchmark: rule.benchmark, counts: reasons.length === 0, reasons };
      }),
    );
  return { academicYear, asOf, yearGroup: yearGroupIn(history.entryYear, academicYear), statuses, encounters };
}

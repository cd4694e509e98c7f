import { DomainError } from '../errors';
import { collect, parseEnum, parseIntegerInRange, parseText, showValue, type Collector } from '../validation';
import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  FORMAT_LABELS,
  FORMATS,
  type ActivityType,
  type Benchmark,
  type Format,
} from '../vocabulary';
import { MEANINGFUL_CRITERIA, MEANINGFUL_CRITERION_LABELS, missingCriteria, sortCriteria, type MeaningfulCriterion } from './checklist';

/**
 * A benchmark policy is data: which activity types and formats count for Benchmarks 5 and 6, which
 * meaningful-checklist criteria an encounter needs, and the *windows* a pupil must meet. A window
 * is a run of year groups and a minimum number of counted encounters while the pupil is in them:
 * "one per year in Years 7–13" is seven one-year windows; "one by the end of Year 11 and one more
 * by the end of Year 13" is the windows 7–11 and 12–13. Adding a policy is adding a row that
 * `parseBenchmarkPolicy` accepts; no code changes.
 */

export const BENCHMARKS: readonly Benchmark[] = [5, 6];

export interface PolicyWindow {
  /** For people: "Years 7–11". */
  readonly label: string;
  readonly fromYearGroup: number;
  readonly toYearGroup: number;
  /** Counted encounters needed while the pupil is in these year groups. */
  readonly minimum: number;
}

export interface BenchmarkRule {
  readonly benchmark: Benchmark;
  readonly label: string;
  readonly activityTypes: readonly ActivityType[];
  readonly formats: readonly Format[];
  readonly requiredCriteria: readonly MeaningfulCriterion[];
  /** In year-group order, never overlapping. */
  readonly windows: readonly PolicyWindow[];
}

export interface BenchmarkPolicy {
  /** Stable name, e.g. "gatsby-2014"; with `version` it identifies the policy. */
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
  /** Benchmark 5 then Benchmark 6. */
  readonly benchmarks: readonly BenchmarkRule[];
}

const KEY = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const MAX_MINIMUM = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseSubset<T extends string>(c: Collector, value: unknown, allowed: readonly T[], field: string): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    c.add(field, 'REQUIRED', `${field} must list at least one value`);
    return [];
  }
  const out: T[] = [];
  value.forEach((v, i) => {
    const parsed = c.run(() => parseEnum(v, allowed, `${field}[${i}]`));
    if (parsed !== undefined && !out.includes(parsed)) out.push(parsed);
  });
  return allowed.filter((a) => out.includes(a));
}

function parseWindow(c: Collector, value: unknown, field: string): PolicyWindow | undefined {
  if (!isObject(value)) {
    c.add(field, 'REQUIRED', `${field} must be an object with fromYearGroup, toYearGroup and minimum (got ${showValue(value)})`);
    return undefined;
  }
  const year = (key: string): number | undefined =>
    c.run(() => {
      const n = value[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 7 || n > 13) {
        throw DomainError.invalid(
          `${field}.${key}`,
          'INVALID_YEAR_GROUP',
          `${field}.${key} must be a year group from 7 to 13 (got ${showValue(n)})`,
        );
      }
      return n;
    });
  const from = year('fromYearGroup');
  const to = year('toYearGroup');
  const minimum = c.run(() =>
    parseIntegerInRange(typeof value['minimum'] === 'number' ? value['minimum'] : NaN, `${field}.minimum`, 1, MAX_MINIMUM),
  );
  if (from !== undefined && to !== undefined && to < from) {
    c.add(`${field}.toYearGroup`, 'INVALID_WINDOW', `${field}.toYearGroup must not be before fromYearGroup (got ${to} before ${from})`);
    return undefined;
  }
  if (from === undefined || to === undefined || minimum === undefined) return undefined;
  const label =
    typeof value['label'] === 'string' && value['label'].trim() !== ''
      ? value['label'].trim().slice(0, 100)
      : from === to
        ? `Year ${from}`
        : `Years ${from}–${to}`;
  return { label, fromYearGroup: from, toYearGroup: to, minimum };
}

function parseRule(c: Collector, value: unknown, field: string): BenchmarkRule | undefined {
  if (!isObject(value)) {
    c.add(field, 'REQUIRED', `${field} must be an object (got ${showValue(value)})`);
    return undefined;
  }
  const benchmark = c.run(() => {
    const b = value['benchmark'];
    if (b !== 5 && b !== 6)
      throw DomainError.invalid(`${field}.benchmark`, 'INVALID_NUMBER', `${field}.benchmark must be 5 or 6 (got ${showValue(b)})`);
    return b as Benchmark;
  });
  const label = c.run(() =>
    parseText(
      value['label'] ?? (benchmark === 6 ? 'Experiences of workplaces' : 'Encounters with employers and employees'),
      `${field}.label`,
      200,
    ),
  );
  const activityTypes = parseSubset(c, value['activityTypes'], ACTIVITY_TYPES, `${field}.activityTypes`);
  const formats = parseSubset(c, value['formats'], FORMATS, `${field}.formats`);
  let requiredCriteria: MeaningfulCriterion[] = [];
  const rc = value['requiredCriteria'];
  if (!Array.isArray(rc)) c.add(`${field}.requiredCriteria`, 'REQUIRED', `${field}.requiredCriteria must be a list (it may be empty)`);
  else
    requiredCriteria = sortCriteria(
      rc
        .map((v, i) => c.run(() => parseEnum(v, MEANINGFUL_CRITERIA, `${field}.requiredCriteria[${i}]`)))
        .filter((v): v is MeaningfulCriterion => v !== undefined),
    );
  const rawWindows = value['windows'];
  const windows: PolicyWindow[] = [];
  if (!Array.isArray(rawWindows) || rawWindows.length === 0)
    c.add(`${field}.windows`, 'REQUIRED', `${field}.windows must list at least one window`);
  else
    rawWindows.forEach((w, i) => {
      const parsed = parseWindow(c, w, `${field}.windows[${i}]`);
      if (parsed) windows.push(parsed);
    });
  // Windows in year-group order, never overlapping: a year group belongs to one window at most.
  for (let i = 1; i < windows.length; i++) {
    if (windows[i].fromYearGroup <= windows[i - 1].toYearGroup) {
      c.add(
        `${field}.windows[${i}].fromYearGroup`,
        'INVALID_WINDOW',
        `${field}.windows[${i}] must start after the window before it ends (Year ${windows[i - 1].toYearGroup}), in year-group order`,
      );
    }
  }
  if (benchmark === undefined || label === undefined) return undefined;
  return { benchmark, label, activityTypes, formats, requiredCriteria, windows };
}

/**
 * Validates a policy definition (a JSON object) and returns it normalised. Every problem is reported
 * at once, each naming its path, e.g. `definition.benchmarks[1].windows[0].minimum`.
 */
export function parseBenchmarkPolicy(value: unknown, field = 'definition'): BenchmarkPolicy {
  if (!isObject(value)) throw DomainError.invalid(field, 'REQUIRED', `${field} must be a JSON object (got ${showValue(value)})`);
  const c = collect();
  const key = c.run(() => {
    const k = value['key'];
    if (typeof k !== 'string' || !KEY.test(k))
      throw DomainError.invalid(
        `${field}.key`,
        'INVALID_TEXT',
        `${field}.key must be lower-case letters, digits and hyphens, e.g. "gatsby-2024" (got ${showValue(k)})`,
      );
    return k;
  });
  const version = c.run(() =>
    parseIntegerInRange(typeof value['version'] === 'number' ? value['version'] : NaN, `${field}.version`, 1, 10_000),
  );
  const name = c.run(() => parseText(value['name'], `${field}.name`, 200, 'name'));
  const description = typeof value['description'] === 'string' ? value['description'].trim().slice(0, 2000) : '';
  const raw = value['benchmarks'];
  const rules: BenchmarkRule[] = [];
  if (!Array.isArray(raw)) c.add(`${field}.benchmarks`, 'REQUIRED', `${field}.benchmarks must list Benchmark 5 and Benchmark 6`);
  else
    raw.forEach((r, i) => {
      const rule = parseRule(c, r, `${field}.benchmarks[${i}]`);
      if (rule) rules.push(rule);
    });
  for (const b of BENCHMARKS) {
    const n = rules.filter((r) => r.benchmark === b).length;
    if (Array.isArray(raw) && c.ok && n !== 1)
      c.add(`${field}.benchmarks`, 'INVALID_NUMBER', `${field}.benchmarks must hold Benchmark ${b} exactly once (found ${n})`);
  }
  c.throwIfAny();
  if (key === undefined || version === undefined || name === undefined) throw new Error('policy parsed without its identity');
  return { key, version, name, description, benchmarks: BENCHMARKS.map((b) => rules.find((r) => r.benchmark === b) as BenchmarkRule) };
}

export function ruleFor(policy: BenchmarkPolicy, benchmark: Benchmark): BenchmarkRule {
  const rule = policy.benchmarks.find((r) => r.benchmark === benchmark);
  if (!rule) throw new Error(`policy ${policy.key} v${policy.version} has no rule for Benchmark ${benchmark}`);
  return rule;
}

/** The index of the window holding this year group, or -1 when none does. */
export function windowIndexFor(rule: BenchmarkRule, yearGroup: number): number {
  return rule.windows.findIndex((w) => w.fromYearGroup <= yearGroup && yearGroup <= w.toYearGroup);
}

export interface EncounterKind {
  readonly activityType: ActivityType;
  readonly format: Format;
  readonly checklist: readonly MeaningfulCriterion[];
}

/**
 * Whether an encounter of this kind counts for a benchmark under the rule, and if not, why (in
 * words for the person reading the pupil's record).
 */
export function qualification(rule: BenchmarkRule, encounter: EncounterKind): { counts: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const b = `Benchmark ${rule.benchmark}`;
  if (!rule.activityTypes.includes(encounter.activityType))
    reasons.push(`${ACTIVITY_TYPE_LABELS[encounter.activityType]} does not count for ${b}`);
  if (!rule.formats.includes(encounter.format)) reasons.push(`${FORMAT_LABELS[encounter.format].toLowerCase()} does not count for ${b}`);
  const missing = missingCriteria(encounter.checklist, rule.requiredCriteria);
  if (missing.length) reasons.push(`not meaningful for ${b}: missing ${missing.map((m) => MEANINGFUL_CRITERION_LABELS[m]).join(', ')}`);
  return { counts: reasons.length === 0, reasons };
}

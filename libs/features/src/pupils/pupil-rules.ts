import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
  collect,
  DomainError,
  isBlank,
  parseIntegerInRange,
  parseIsoDate,
  parseText,
  parseYearGroup,
  yearGroupFromDateOfBirth,
  type CalendarDate,
} from '@tandem/domain';
import { given } from '@tandem/features/shared';

/**
 * Pure rules for pupil records: input parsing (fields named `input.<name>`), the year group a date of
 * birth gives on the English calendar, what erasure leaves behind, and what a coordinator may see.
 * Pupils are children: keep the minimum, and say plainly what is wrong.
 */

export interface PupilFields {
  reference: string;
  displayName: string | null;
  dateOfBirth: CalendarDate | null;
  yearGroup: number;
  disadvantaged: boolean;
  send: boolean;
  careExperienced: boolean;
  roniScore: number | null;
  onRollFrom: CalendarDate;
}

/** What the rules need to know about the school and the day. */
export interface PupilRuleContext {
  lowestYearGroup: number;
  highestYearGroup: number;
  /** Today in England: dates of birth give year groups for today's academic year. */
  today: CalendarDate;
}

/** The stored values an update is checked against. */
export interface CurrentPupil {
  dateOfBirth: CalendarDate | null;
  yearGroup: number | null;
  onRollFrom: CalendarDate;
  onRollTo: CalendarDate | null;
}

const describeYear = (y: number): string => (y === 0 ? 'Reception' : y < 0 ? 'below school age' : `Year ${y}`);

/**
 * Parses a pupil input. `create` needs a reference and a date of birth or a year group; `update`
 * parses only the keys given. A date of birth decides the year group (a year group given with it must
 * agree), and the year group must be one the school teaches.
 */
export function parsePupilInput(
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  ctx: PupilRuleContext,
  current?: CurrentPupil,
): Partial<PupilFields> {
  const c = collect();
  const out: Partial<PupilFields> = {};
  const wants = (key: keyof PupilFields): boolean => mode === 'create' || given(input, key);
  const academicYear = academicYearLabel(academicYearOf(ctx.today));

  if (wants('reference')) out.reference = c.run(() => parseText(input['reference'], 'input.reference', 50, 'name'));
  if (wants('displayName'))
    out.displayName = isBlank(input['displayName']) ? null : c.run(() => parseText(input['displayName'], 'input.displayName', 200, 'name'));
  for (const flag of ['disadvantaged', 'send', 'careExperienced'] as const) {
    if (!wants(flag)) continue;
    const v = input[flag];
    if (v == null) out[flag] = false;
    else if (typeof v === 'boolean') out[flag] = v;
    else c.add(`input.${flag}`, 'INVALID_ENUM_VALUE', `input.${flag} must be true or false`);
  }
  if (wants('roniScore'))
    out.roniScore = isBlank(input['roniScore']) ? null : c.run(() => parseIntegerInRange(input['roniScore'], 'input.roniScore', 0, 100));

  // ── date of birth and year group ──
  let dob: CalendarDate | null | undefined;
  if (wants('dateOfBirth')) {
    dob = isBlank(input['dateOfBirth']) ? null : c.run(() => parseIsoDate(input['dateOfBirth'], 'input.dateOfBirth'));
    if (dob && dob > ctx.today) {
      c.add('input.dateOfBirth', 'INVALID_DATE', `input.dateOfBirth cannot be in the future (got ${dob})`);
      dob = undefined;
    }
    if (dob !== undefined) out.dateOfBirth = dob;
  }
  const yearGiven = wants('yearGroup') && !isBlank(input['yearGroup']);
  const year = yearGiven ? c.run(() => parseYearGroup(input['yearGroup'], 'input.yearGroup')) : undefined;
  const inRange = (y: number): boolean => y >= ctx.lowestYearGroup && y <= ctx.highestYearGroup;
  const range = `${ctx.lowestYearGroup}–${ctx.highestYearGroup}`;

  if (dob) {
    const derived = yearGroupFromDateOfBirth(dob, ctx.today);
    if (year !== undefined && year !== derived) {
      c.add(
        'input.yearGroup',
        'INVALID_YEAR_GROUP',
        `input.yearGroup ${year} does not match input.dateOfBirth ${dob}, which is ${describeYear(derived)} in ${academicYear}`,
      );
    } else if (!inRange(derived)) {
      c.add(
        'input.dateOfBirth',
        'INVALID_YEAR_GROUP',
        `input.dateOfBirth ${dob} puts the pupil in ${describeYear(derived)} in ${academicYear}, outside this school's years (${range})`,
      );
    } else {
      out.yearGroup = derived;
    }
  } else if (year !== undefined) {
    // Changing only the year group must still agree with a date of birth kept on record.
    const keptDob = dob === undefined && mode === 'update' ? current?.dateOfBirth : null;
    const keptYear = keptDob ? yearGroupFromDateOfBirth(keptDob, ctx.today) : null;
    if (keptYear !== null && keptYear !== year) {
      c.add(
        'input.yearGroup',
        'INVALID_YEAR_GROUP',
        `input.yearGroup ${year} does not match the pupil's date of birth, which gives ${describeYear(keptYear)} in ${academicYear}: change or clear dateOfBirth too`,
      );
    } else if (!inRange(year)) {
      c.add('input.yearGroup', 'INVALID_YEAR_GROUP', `input.yearGroup must be a year group this school teaches, ${range} (got ${year})`);
    } else {
      out.yearGroup = year;
    }
  } else if (mode === 'create' && c.ok && dob === null) {
    c.add('input.yearGroup', 'REQUIRED', 'input.yearGroup is required when there is no input.dateOfBirth (give one or the other)');
  }

  // ── on roll ──
  if (wants('onRollFrom')) {
    if (isBlank(input['onRollFrom'])) {
      if (mode === 'create') out.onRollFrom = ctx.today;
      else c.add('input.onRollFrom', 'REQUIRED', 'input.onRollFrom cannot be cleared: give the date the pupil joined');
    } else {
      const from = c.run(() => parseIsoDate(input['onRollFrom'], 'input.onRollFrom'));
      if (from && current?.onRollTo && current.onRollTo < from) {
        c.add('input.onRollFrom', 'INVALID_WINDOW', `input.onRollFrom ${from} is after the day the pupil left (${current.onRollTo})`);
      } else if (from) out.onRollFrom = from;
    }
  }
  c.throwIfAny();
  return out;
}

/** The leaving date for markPupilLeft: a real date, not before the pupil joined. */
export function parseLeavingDate(value: unknown, onRollFrom: CalendarDate): CalendarDate {
  const onDate = parseIsoDate(value, 'onDate');
  if (onDate < onRollFrom)
    throw DomainError.invalid('onDate', 'INVALID_WINDOW', `onDate ${onDate} is before the pupil joined (${onRollFrom})`);
  return onDate;
}

/** On roll on `today`: joined, and not left before today (the leaving day itself still counts). */
export function hasLeft(onRollTo: CalendarDate | null, today: CalendarDate): boolean {
  return onRollTo !== null && onRollTo < today;
}

// ── erasure ─────────────────────────────────────────────────────────────────

export interface ErasedFields {
  reference: string;
  displayName: null;
  dateOfBirth: null;
  disadvantaged: false;
  send: false;
  careExperienced: false;
  roniScore: null;
  onRollFrom: CalendarDate;
  onRollTo: CalendarDate | null;
  erasedAt: Date;
}

/** The fields erasure clears, named for the audit log (values never are). */
export const ERASED_FIELD_NAMES = [
  'reference',
  'displayName',
  'dateOfBirth',
  'disadvantaged',
  'send',
  'careExperienced',
  'roniScore',
  'onRollFrom',
  'onRollTo',
] as const;

/**
 * What is left of a pupil after erasure: an opaque reference (`token`, random, never derived from
 * the old one), no name, date of birth, flags or score. The year group and the academic years on roll
 * stay (dates widened to whole academic years, so they no longer single anyone out), so counts of
 * pupils and of encounters already delivered stay honest.
 */
export function erasureOf(pupil: Pick<CurrentPupil, 'onRollFrom' | 'onRollTo'>, token: string, now: Date): ErasedFields {
  if (!/^[a-z0-9]{16,40}$/.test(token)) throw new Error('erasure token must be 16–40 lower-case letters or digits');
  return {
    reference: `erased-${token}`,
    displayName: null,
    dateOfBirth: null,
    disadvantaged: false,
    send: false,
    careExperienced: false,
    roniScore: null,
    onRollFrom: academicYearStart(academicYearOf(pupil.onRollFrom)),
    onRollTo: pupil.onRollTo === null ? null : academicYearEnd(academicYearOf(pupil.onRollTo)),
    erasedAt: now,
  };
}

// ── what each viewer sees ───────────────────────────────────────────────────

/** The fields that identify a child directly: only those who manage the school's pupils see them. */
export interface IdentifyingFields {
  displayName: string | null;
  dateOfBirth: CalendarDate | null;
}

/** Coordinators see pupils to target encounters (reference, year group, flags), not who they are. */
export function forViewer<T extends IdentifyingFields>(pupil: T, mayManage: boolean): T {
  return mayManage ? pupil : { ...pupil, displayName: null, dateOfBirth: null };
}

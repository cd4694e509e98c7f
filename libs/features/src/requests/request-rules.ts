import {
  ACTIVITY_TYPES,
  collect,
  DomainError,
  FORMATS,
  isBlank,
  parseCapacity,
  parseEnum,
  parseIsoDate,
  parseList,
  parseText,
  parseTimeWindow,
  parseYearGroup,
  type ActivityType,
  type CalendarDate,
  type Collector,
  type Format,
} from '@tandem/domain';

/** Pure rules for a school's request: what, for whom, when. Fields are named `input.<path>`. */

export const MAX_REQUEST_WINDOWS = 20;

export interface RequestFields {
  activityType: ActivityType;
  yearGroup: number;
  pupilCount: number;
  formats: Format[];
  deadline: CalendarDate | null;
  notes: string | null;
}

export interface ParsedRequest {
  fields: Partial<RequestFields>;
  /** Given: replace the request's windows with these (at least one). */
  windows?: { startsAt: Date; endsAt: Date }[];
}

/** The school's year groups, e.g. 7–11 or 7–13. */
export interface YearRange {
  lowest: number;
  highest: number;
}

const given = (input: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;

/** A year group the school teaches. */
export function parseSchoolYearGroup(value: unknown, field: string, range: YearRange): number {
  const year = parseYearGroup(value, field);
  if (year < range.lowest || year > range.highest) {
    throw DomainError.invalid(
      field,
      'INVALID_YEAR_GROUP',
      `${field} must be a year group the school teaches, ${range.lowest} to ${range.highest} (got ${year})`,
    );
  }
  return year;
}

/** One or more time windows, each ending after it starts, none starting in the past. */
export function parseRequestWindows(
  value: unknown,
  field: string,
  now: Date,
  c: Collector,
): { startsAt: Date; endsAt: Date }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    c.add(field, 'REQUIRED', `${field} must list at least one time window`);
    return undefined;
  }
  if (value.length > MAX_REQUEST_WINDOWS) {
    c.add(field, 'INVALID_NUMBER', `${field} may list at most ${MAX_REQUEST_WINDOWS} time windows (got ${value.length})`);
    return undefined;
  }
  const out: { startsAt: Date; endsAt: Date }[] = [];
  value.forEach((raw: Record<string, unknown> | null, i) => {
    const w = raw ?? {};
    const f = `${field}[${i}]`;
    const window = c.run(() => parseTimeWindow(w['startsAt'], w['endsAt'], { start: `${f}.startsAt`, end: `${f}.endsAt` }));
    if (!window) return;
    if (window.start.getTime() < now.getTime())
      c.add(`${f}.startsAt`, 'INVALID_DATE', `${f}.startsAt cannot be in the past (got ${window.start.toISOString()})`);
    else out.push({ startsAt: window.start, endsAt: window.end });
  });
  return out;
}

/**
 * Parses a create or update input. `yearRange` is the school's; `today` (Europe/London) bounds the
 * deadline, `now` the windows. On update only the keys given are parsed.
 */
export function parseRequestInput(
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  yearRange: YearRange,
  now: Date,
  today: CalendarDate,
): ParsedRequest {
  const c = collect();
  const f: Partial<RequestFields> = {};
  const wants = (key: string): boolean => mode === 'create' || given(input, key);
  if (wants('activityType')) f.activityType = c.run(() => parseEnum(input['activityType'], ACTIVITY_TYPES, 'input.activityType'));
  if (wants('yearGroup')) f.yearGroup = c.run(() => parseSchoolYearGroup(input['yearGroup'], 'input.yearGroup', yearRange));
  if (wants('pupilCount')) f.pupilCount = c.run(() => parseCapacity(input['pupilCount'], 'input.pupilCount', 2000));
  if (wants('formats')) f.formats = c.run(() => parseList(input['formats'], 'input.formats', (v, field) => parseEnum(v, FORMATS, field)));
  if (wants('notes')) f.notes = isBlank(input['notes']) ? null : c.run(() => parseText(input['notes'], 'input.notes', 4000, 'multiline'));
  if (wants('deadline')) {
    f.deadline = isBlank(input['deadline']) ? null : c.run(() => parseIsoDate(input['deadline'], 'input.deadline'));
    if (f.deadline && f.deadline < today)
      c.add('input.deadline', 'INVALID_DATE', `input.deadline cannot be in the past (got ${f.deadline})`);
  }
  const out: ParsedRequest = { fields: f };
  if (wants('windows')) out.windows = parseRequestWindows(input['windows'], 'input.windows', now, c);
  c.throwIfAny();
  return out;
}

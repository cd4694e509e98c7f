import { isCalendarDate, type CalendarDate } from './calendar-date';
import { DomainError, type ErrorCode, type FieldProblem } from './errors';

/**
 * Input validators. Each takes an untrusted value and the name of the field it came from, returns
 * the value normalised, or throws a DomainError whose code fits the problem and whose message names
 * the field and shows the bad value: `urn must be 6 digits (got "12345")`.
 *
 * To report every problem of an input at once, run them through `collect()`.
 */

/** A bad value as it appears in a message: quoted, trimmed to 40 characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  return `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

function fail(field: string, code: ErrorCode, rule: string, value: unknown): never {
  throw DomainError.invalid(field, code, `${field} ${rule} (got ${showValue(value)})`);
}

/** Null, undefined and blank strings mean "not given". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Wrap a validator so blank input yields null instead of an error. */
export function optional<T>(validate: (value: unknown, field: string) => T): (value: unknown, field: string) => T | null {
  return (value, field) => (isBlank(value) ? null : validate(value, field));
}

export function parseRequired(value: unknown, field: string): unknown {
  if (isBlank(value)) throw DomainError.invalid(field, 'REQUIRED', `${field} is required`);
  return value;
}

// ── identifiers ──────────────────────────────────────────────────────────────

/** DfE unique reference number: exactly six digits, kept as a string (leading zeros matter). */
export function parseUrn(value: unknown, field = 'urn'): string {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value.trim())) fail(field, 'INVALID_URN', 'must be 6 digits', value);
  return value.trim();
}

/** The official UK postcode pattern (BS 7666), plus the special GIR 0AA. */
const POSTCODE = /^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$/;

/** A UK postcode, normalised to upper case with one space before the inward code: "m1 1ae" → "M1 1AE". */
export function parsePostcode(value: unknown, field = 'postcode'): string {
  if (typeof value !== 'string') fail(field, 'INVALID_POSTCODE', 'must be a UK postcode such as "M1 1AE"', value);
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const normal = compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  if (!POSTCODE.test(normal)) fail(field, 'INVALID_POSTCODE', 'must be a UK postcode such as "M1 1AE"', value);
  return normal;
}

const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A pragmatic email check (one @, sane local part, dotted domain, ≤ 254 chars), lower-cased. */
export function parseEmail(value: unknown, field = 'email'): string {
  const rule = 'must be an email address such as name@example.org';
  if (typeof value !== 'string') fail(field, 'INVALID_EMAIL', rule, value);
  const email = value.trim().toLowerCase();
  if (email.length > 254) fail(field, 'INVALID_EMAIL', 'must be at most 254 characters', value);
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const ok =
    at > 0 &&
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => EMAIL_LABEL.test(l)) &&
    /^[a-z]{2,}$|^xn--[a-z0-9-]+$/.test(labels[labels.length - 1]);
  if (!ok) fail(field, 'INVALID_EMAIL', rule, value);
  return email;
}

// ── dates and times ──────────────────────────────────────────────────────────

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function parseIsoDate(value: unknown, field = 'date'): CalendarDate {
  if (!isCalendarDate(value)) fail(field, 'INVALID_DATE', 'must be a real date written YYYY-MM-DD, e.g. 2025-09-01', value);
  return value;
}

/** A date range given as two calendar dates; `to` may equal `from` (both inclusive). */
export function parseDateRange(
  from: unknown,
  to: unknown,
  fields: { from: string; to: string } = { from: 'startsOn', to: 'endsOn' },
): { from: CalendarDate; to: CalendarDate } {
  const a = parseIsoDate(from, fields.from);
  const b = parseIsoDate(to, fields.to);
  if (b < a)
    throw DomainError.invalid(fields.to, 'INVALID_WINDOW', `${fields.to} must be on or after ${fields.from} (got ${b} before ${a})`);
  return { from: a, to: b };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: a valid Date, or an ISO 8601 date-time string with a zone (`2026-02-03T13:30:00Z`). */
export function parseInstant(value: unknown, field = 'at'): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return new Date(value.getTime());
  if (typeof value === 'string' && ISO_INSTANT.test(value) && isCalendarDate(value.slice(0, 10))) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return fail(field, 'INVALID_DATE', 'must be a date and time with a zone, e.g. 2026-02-03T13:30:00Z', value);
}

/** A time window: two instants, the end strictly after the start. */
export function parseTimeWindow(
  start: unknown,
  end: unknown,
  fields: { start: string; end: string } = { start: 'startsAt', end: 'endsAt' },
): { start: Date; end: Date } {
  const s = parseInstant(start, fields.start);
  const e = parseInstant(end, fields.end);
  if (e.getTime() <= s.getTime()) {
    throw DomainError.invalid(
      fields.end,
      'INVALID_WINDOW',
      `${fields.end} must be after ${fields.start} (got ${e.toISOString()}, which is not after ${s.toISOString()})`,
    );
  }
  return { start: s, end: e };
}

/** A time of day, 24-hour `HH:MM` (00:00–23:59). */
export function parseTimeOfDay(value: unknown, field = 'time'): string {
  if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    fail(field, 'INVALID_TIME', 'must be a 24-hour time written HH:MM, e.g. 13:30', value);
  return value;
}

/** "13:30" → 810. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A daily time range: end strictly after start. */
export function parseTimeRange(
  start: unknown,
  end: unknown,
  fields: { start: string; end: string } = { start: 'startTime', end: 'endTime' },
): { start: string; end: string } {
  const s = parseTimeOfDay(start, fields.start);
  const e = parseTimeOfDay(end, fields.end);
  if (minutesOfDay(e) <= minutesOfDay(s))
    throw DomainError.invalid(
      fields.end,
      'INVALID_WINDOW',
      `${fields.end} must be after ${fields.start} (got ${e}, which is not after ${s})`,
    );
  return { start: s, end: e };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function parseWeekday(value: unknown, field = 'weekday'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 7)
    fail(field, 'INVALID_NUMBER', 'must be a weekday from 1 (Monday) to 7 (Sunday)', value);
  return value;
}

// ── numbers ──────────────────────────────────────────────────────────────────

function asInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}

/** A school year group for the API: a whole number 7–13 (the CSV importer also reads "Y7"). */
export function parseYearGroup(value: unknown, field = 'yearGroup'): number {
  const n = asInteger(value);
  if (n === null || n < 7 || n > 13) fail(field, 'INVALID_YEAR_GROUP', 'must be a year group from 7 to 13', value);
  return n;
}

/** A year group as spreadsheets write it: 7, "7", "Y7", "Yr 7", "Year 7", "NC Year 7". */
export function parseYearGroupLoose(value: unknown, field = 'yearGroup'): number {
  if (typeof value === 'string') {
    const m = /^\s*(?:nc\s*)?(?:y|yr|year)?\s*(\d{1,2})\s*$/i.exec(value);
    if (m) return parseYearGroup(Number(m[1]), field);
  }
  if (typeof value === 'number') return parseYearGroup(value, field);
  return fail(field, 'INVALID_YEAR_GROUP', 'must be a year group from 7 to 13 (e.g. 7, "Y7" or "Year 7")', value);
}

/** A positive whole number of places (pupils per session, sessions, pupil count). */
export function parseCapacity(value: unknown, field = 'capacity', max = 100_000): number {
  const n = asInteger(value);
  if (n === null || n < 1 || n > max) fail(field, 'INVALID_CAPACITY', `must be a whole number from 1 to ${max}`, value);
  return n;
}

/** A whole number in [min, max]. */
export function parseIntegerInRange(value: unknown, field: string, min: number, max: number): number {
  const n = asInteger(value);
  if (n === null || n < min || n > max) fail(field, 'INVALID_NUMBER', `must be a whole number from ${min} to ${max}`, value);
  return n;
}

export function parseLatitude(value: unknown, field = 'latitude'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -90 || value > 90)
    fail(field, 'INVALID_COORDINATES', 'must be a number from -90 to 90', value);
  return value;
}

export function parseLongitude(value: unknown, field = 'longitude'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -180 || value > 180)
    fail(field, 'INVALID_COORDINATES', 'must be a number from -180 to 180', value);
  return value;
}

// ── text and enums ───────────────────────────────────────────────────────────

/**
 * What a text field is, for the characters it may hold:
 * - `line` (the default): one line; no control characters at all (not even tab).
 * - `multiline`: notes, descriptions, reasons; tab and line breaks allowed (CRLF becomes LF; a
 *   lone CR is refused: it breaks lines in some readers and not others, e.g. calendar files).
 * - `name`: a line that names someone or something (people, schools, employers, hubs, titles);
 *   also no bidirectional controls, which can make "txt.exe" read as "exe.txt" in a list or email.
 */
export type TextKind = 'line' | 'multiline' | 'name';

/** C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the invisible marks (LRM, RLM, ALM). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Trimmed non-empty text of at most `max` characters, of the given kind (see TextKind). Every text
 * a user types passes here, so no NUL, control or bidirectional character reaches the database, an
 * email or a calendar file. INVALID_TEXT, naming the field and the character.
 */
export function parseText(value: unknown, field: string, max = 200, kind: TextKind = 'line'): string {
  if (typeof value !== 'string') fail(field, 'INVALID_TEXT', 'must be text', value);
  const text = (kind === 'multiline' ? value.replace(/\r\n/g, '\n') : value).trim();
  const control = (kind === 'multiline' ? CONTROL_MULTILINE : CONTROL).exec(text);
  if (control) {
    const what = control[0] === '\n' || control[0] === '\r' || control[0] === '\t' ? 'line breaks or tabs' : 'control characters';
    throw DomainError.invalid(
      field,
      'INVALID_TEXT',
      `${field} must not contain ${what} (found ${codePoint(control[0])} at character ${control.index + 1})`,
    );
  }
  const bidi = kind === 'name' ? BIDI.exec(text) : null;
  if (bidi)
    throw DomainError.invalid(
      field,
      'INVALID_TEXT',
      `${field} must not contain right-to-left or left-to-right controls (found ${codePoint(bidi[0])} at character ${bidi.index + 1})`,
    );
  if (text === '') throw DomainError.invalid(field, 'INVALID_TEXT', `${field} must not be empty`);
  if (text.length > max)
    throw DomainError.invalid(field, 'INVALID_TEXT', `${field} must be at most ${max} characters (got ${text.length})`);
  return text;
}

/** One of a closed list of values, e.g. `parseEnum(x, FORMATS, 'format')`. */
export function parseEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw DomainError.invalid(field, 'INVALID_ENUM_VALUE', `${field} must be one of ${allowed.join(', ')} (got ${showValue(value)})`);
  }
  return value as T;
}

/** A non-empty list of values, each validated, duplicates removed, order kept. */
export function parseList<T>(value: unknown, field: string, item: (v: unknown, f: string) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) throw DomainError.invalid(field, 'REQUIRED', `${field} must list at least one value`);
  const out: T[] = [];
  value.forEach((v, i) => {
    const parsed = item(v, `${field}[${i}]`);
    if (!out.includes(parsed)) out.push(parsed);
  });
  return out;
}

// ── gathering problems ───────────────────────────────────────────────────────

export interface Collector {
  /** Run one validation; on a DomainError record its problem(s) and return undefined. */
  run<T>(validate: () => T): T | undefined;
  /** Record a problem found by hand (e.g. a rule across fields). */
  add(field: string, code: ErrorCode, message: string): void;
  readonly problems: readonly FieldProblem[];
  readonly ok: boolean;
  /** Throw one DomainError carrying every problem (VALIDATION_FAILED when more than one). */
  throwIfAny(): void;
}

/**
 * Gather every problem of a whole input instead of stopping at the first:
 * ```ts
 * const c = collect();
 * const urn = c.run(() => parseUrn(input.urn));
 * const name = c.run(() => parseText(input.name, 'name', 200));
 * c.throwIfAny();
 * ```
 * Errors that are not DomainErrors are bugs, and are rethrown at once.
 */
export function collect(): Collector {
  const problems: FieldProblem[] = [];
  return {
    run<T>(validate: () => T): T | undefined {
      try {
        return validate();
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        if (e.details && e.details.length > 0) problems.push(...e.details);
        else problems.push({ field: e.field ?? '', code: e.code, message: e.message });
        return undefined;
      }
    },
    add(field, code, message) {
      problems.push({ field, code, message });
    },
    get problems() {
      return problems;
    },
    get ok() {
      return problems.length === 0;
    },
    throwIfAny() {
      if (problems.length > 0) throw DomainError.fromProblems(problems);
    },
  };
}

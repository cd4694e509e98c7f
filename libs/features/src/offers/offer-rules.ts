import {
  ACTIVITY_TYPES,
  benchmarkFor,
  collect,
  DomainError,
  FORMATS,
  isBlank,
  parseCapacity,
  parseDateRange,
  parseEnum,
  parseIntegerInRange,
  parseList,
  parseText,
  parseTimeRange,
  parseTimeWindow,
  parseWeekday,
  parseYearGroup,
  showValue,
  type ActivityType,
  type CalendarDate,
  type Collector,
  type Format,
} from '@tandem/domain';

/** Pure rules for offers, their availability windows and sessions. Fields are named `input.<path>`. */

export const OFFER_INPUT_STATUSES = ['draft', 'published'] as const;
export type OfferInputStatus = (typeof OFFER_INPUT_STATUSES)[number];

const given = (input: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;

export interface WindowFields {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

export interface SessionFields {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface OfferFields {
  title: string;
  description: string | null;
  activityType: ActivityType;
  format: Format;
  durationMinutes: number;
  pupilsPerSession: number;
  sessionsAvailable: number;
  yearGroups: number[];
  travelRadiusKm: number | null;
  status: OfferInputStatus;
}

export interface ParsedOffer {
  fields: Partial<OfferFields>;
  /** Given: replace the offer's windows with these (may be empty). */
  windows?: WindowFields[];
  sessions?: SessionFields[];
}

/** Travel radius in km (one decimal is kept): 0–1000. */
export function parseTravelRadius(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1000) {
    throw DomainError.invalid(field, 'INVALID_NUMBER', `${field} must be a number of kilometres from 0 to 1000 (got ${showValue(value)})`);
  }
  return Math.round(value * 10) / 10;
}

/** One recurring availability window: a date range (inclusive), weekdays (default Mon–Fri), a daily time range. */
export function parseWindow(input: Record<string, unknown>, field: string, c: Collector): WindowFields | undefined {
  const dates = c.run(() => parseDateRange(input['startsOn'], input['endsOn'], { from: `${field}.startsOn`, to: `${field}.endsOn` }));
  const weekdays = isBlank(input['weekdays'])
    ? [1, 2, 3, 4, 5]
    : c.run(() => parseList(input['weekdays'], `${field}.weekdays`, parseWeekday).sort((a, b) => a - b));
  const times = c.run(() => parseTimeRange(input['startTime'], input['endTime'], { start: `${field}.startTime`, end: `${field}.endTime` }));
  if (!dates || !weekdays || !times) return undefined;
  return { startsOn: dates.from, endsOn: dates.to, weekdays, startTime: times.start, endTime: times.end };
}

/**
 * A concrete session: end after start, in the future, capacity 1…pupilsPerSession (default
 * pupilsPerSession).
 */
export function parseSession(
  input: Record<string, unknown>,
  field: string,
  pupilsPerSession: number,
  now: Date,
  c: Collector,
): SessionFields | undefined {
  const window = c.run(() => parseTimeWindow(input['startsAt'], input['endsAt'], { start: `${field}.startsAt`, end: `${field}.endsAt` }));
  const capacity = isBlank(input['capacity'])
    ? pupilsPerSession
    : c.run(() => parseCapacity(input['capacity'], `${field}.capacity`, pupilsPerSession));
  if (window && window.start.getTime() < now.getTime()) {
    c.add(`${field}.startsAt`, 'INVALID_DATE', `${field}.startsAt cannot be in the past (got ${window.start.toISOString()})`);
    return undefined;
  }
  if (!window || capacity === undefined) return undefined;
  return { startsAt: window.start, endsAt: window.end, capacity };
}

const asList = (value: unknown): Record<string, unknown>[] | null => (Array.isArray(value) ? (value as Record<string, unknown>[]) : null);

/**
 * Parses a create or update input. On update only given keys are parsed, and `current` supplies the
 * rest for rules across fields (in-school visits need a travel radius; sessions fit the size).
 */
export function parseOfferInput(input: Record<string, unknown>, mode: 'create' | 'update', now: Date, current?: OfferFields): ParsedOffer {
  const c = collect();
  const f: Partial<OfferFields> = {};
  const wants = (key: string): boolean => mode === 'create' || given(input, key);
  if (wants('title')) f.title = c.run(() => parseText(input['title'], 'input.title', 200, 'name'));
  if (wants('description'))
    f.description = isBlank(input['description'])
      ? null
      : c.run(() => parseText(input['description'], 'input.description', 10_000, 'multiline'));
  if (wants('activityType')) f.activityType = c.run(() => parseEnum(input['activityType'], ACTIVITY_TYPES, 'input.activityType'));
  if (wants('format')) f.format = c.run(() => parseEnum(input['format'], FORMATS, 'input.format'));
  if (wants('durationMinutes'))
    f.durationMinutes = c.run(() => parseIntegerInRange(input['durationMinutes'], 'input.durationMinutes', 1, 60 * 24 * 30));
  if (wants('pupilsPerSession')) f.pupilsPerSession = c.run(() => parseCapacity(input['pupilsPerSession'], 'input.pupilsPerSession', 1000));
  if (wants('sessionsAvailable'))
    f.sessionsAvailable = c.run(() => parseCapacity(input['sessionsAvailable'], 'input.sessionsAvailable', 1000));
  if (wants('yearGroups'))
    f.yearGroups = c.run(() => parseList(input['yearGroups'], 'input.yearGroups', parseYearGroup).sort((a, b) => a - b));
  if (wants('travelRadiusKm'))
    f.travelRadiusKm = isBlank(input['travelRadiusKm'])
      ? null
      : c.run(() => parseTravelRadius(input['travelRadiusKm'], 'input.travelRadiusKm'));
  if (wants('status'))
    f.status = isBlank(input['status']) ? 'draft' : c.run(() => parseEnum(input['status'], OFFER_INPUT_STATUSES, 'input.status'));

  const format = f.format ?? current?.format;
  const radius = given(f, 'travelRadiusKm') ? f.travelRadiusKm : current?.travelRadiusKm;
  if (c.ok && format === 'in_person_school' && radius == null) {
    c.add(
      'input.travelRadiusKm',
      'REQUIRED',
      'input.travelRadiusKm is required for visits in person at school (how far the employer will travel)',
    );
  }

  const out: ParsedOffer = { fields: f };
  if (given(input, 'availabilityWindows')) {
    const list = asList(input['availabilityWindows']);
    if (!list) c.add('input.availabilityWindows', 'REQUIRED', 'input.availabilityWindows must be a list');
    else out.windows = list.map((w, i) => parseWindow(w ?? {}, `input.availabilityWindows[${i}]`, c)).filter((w): w is WindowFields => !!w);
  }
  if (given(input, 'sessions')) {
    const list = asList(input['sessions']) ?? [];
    const size = f.pupilsPerSession ?? current?.pupilsPerSession;
    const available = f.sessionsAvailable ?? current?.sessionsAvailable;
    if (size !== undefined)
      out.sessions = list.map((s, i) => parseSession(s ?? {}, `input.sessions[${i}]`, size, now, c)).filter((s): s is SessionFields => !!s);
    if (available !== undefined && list.length > available) {
      c.add(
        'input.sessions',
        'INVALID_CAPACITY',
        `input.sessions lists ${list.length} sessions but input.sessionsAvailable is ${available}`,
      );
    }
  }
  c.throwIfAny();
  return out;
}

/** Benchmark 5 or 6, derived (never typed in). */
export function offerBenchmark(activityType: ActivityType, format: Format): 5 | 6 {
  return benchmarkFor(activityType, format);
}

import { DomainError } from '../errors';
import {
  collect,
  optional,
  parseCapacity,
  parseEnum,
  parseIntegerInRange,
  parseIsoDate,
  parseLatitude,
  parseList,
  parseLongitude,
  parseText,
  parseTimeWindow,
  parseYearGroup,
  showValue,
  type Collector,
} from '../validation';
import { ACTIVITY_TYPES, FORMATS } from '../vocabulary';
import {
  compareIds,
  type InstanceBooking,
  type InstanceEmployer,
  type InstanceOffer,
  type InstanceRequest,
  type InstanceSchool,
  type InstanceSession,
  type Interval,
  type MatchingInstance,
} from './instance';
import { londonDate, londonMonth } from './london-time';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from './model';

/**
 * Turns untrusted matching input into a `MatchingInstance`, reporting every problem at once with
 * fields named like `requests[3].windows[0].endsAt`. Nothing is solved on bad input.
 */

type Raw = Record<string, unknown>;

function record(value: unknown): Raw {
  return typeof value === 'object' && value !== null ? (value as Raw) : {};
}

function listAt(c: Collector, value: unknown, field: string, required = true): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    c.add(field, 'REQUIRED', `${field} must be a list (got ${showValue(value)})`);
    return [];
  }
  return value;
}

function interval(c: Collector, raw: Raw, field: string): Interval | undefined {
  const w = c.run(() => parseTimeWindow(raw.startsAt, raw.endsAt, { start: `${field}.startsAt`, end: `${field}.endsAt` }));
  return w && { start: w.start.getTime(), end: w.end.getTime() };
}

function share(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw DomainError.invalid(field, 'INVALID_NUMBER', `${field} must be a number from 0 to 1 (got ${showValue(value)})`);
  }
  return value;
}

function positiveKm(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1000) {
    throw DomainError.invalid(
      field,
      'INVALID_NUMBER',
      `${field} must be a number of km above 0 and at most 1000 (got ${showValue(value)})`,
    );
  }
  return value;
}

/** Ids are unique within their list; the second use of one is reported. */
function uniqueIds(c: Collector, ids: readonly (string | undefined)[], list: string): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined)
      c.add(`${list}[${i}].id`, 'ALREADY_EXISTS', `${list}[${i}].id ${JSON.stringify(id)} is already used by ${list}[${first}]`);
    else seen.set(id, i);
  });
}

/** An id of another list; only reported when no entry of that list has it (a bad entry is reported on its own). */
function reference(
  c: Collector,
  list: readonly unknown[],
  index: ReadonlyMap<string, number>,
  value: unknown,
  field: string,
  what: string,
): number | undefined {
  const id = c.run(() => parseText(value, field));
  if (id === undefined) return undefined;
  const found = index.get(id);
  if (found === undefined && !list.some((entry) => typeof record(entry).id === 'string' && (record(entry).id as string).trim() === id)) {
    c.add(field, 'NOT_FOUND', `${field} ${JSON.stringify(id)} is not one of the ${what} given`);
  }
  return found;
}

/** The record when every part was valid (null is a valid value), else undefined. */
function complete<T extends object>(parts: { [K in keyof T]: T[K] | undefined }): T | undefined {
  return Object.values(parts).some((v) => v === undefined) ? undefined : (parts as T);
}

function sortedIndex<T extends { id: string }>(items: readonly (T | undefined)[]): { sorted: T[]; position: Map<string, number> } {
  const sorted = items.filter((x): x is T => x !== undefined).sort((a, b) => compareIds(a.id, b.id));
  return { sorted, position: new Map(sorted.map((x, i) => [x.id, i])) };
}

export function validateMatchingInput(input: unknown): MatchingInstance {
  const c = collect();
  const root = record(input);

  const schoolsRaw = listAt(c, root.schools, 'schools');
  const schools = schoolsRaw.map((v, i): InstanceSchool | undefined => {
    const r = record(v);
    const f = `schools[${i}]`;
    const id = c.run(() => parseText(r.id, `${f}.id`));
    const name = c.run(() => parseText(r.name, `${f}.name`));
    const latitude = c.run(() => parseLatitude(r.latitude, `${f}.latitude`));
    const longitude = c.run(() => parseLongitude(r.longitude, `${f}.longitude`));
    return id === undefined || name === undefined || latitude === undefined || longitude === undefined
      ? undefined
      : { id, name, latitude, longitude };
  });
  uniqueIds(
    c,
    schools.map((s) => s?.id),
    'schools',
  );
  const schoolIndex = sortedIndex(schools);

  const employersRaw = listAt(c, root.employers, 'employers');
  const employers = employersRaw.map((v, i): InstanceEmployer | undefined => {
    const r = record(v);
    const f = `employers[${i}]`;
    const id = c.run(() => parseText(r.id, `${f}.id`));
    const name = c.run(() => parseText(r.name, `${f}.name`));
    const latitude = c.run(() => parseLatitude(r.latitude, `${f}.latitude`));
    const longitude = c.run(() => parseLongitude(r.longitude, `${f}.longitude`));
    const maxPerMonth = c.run(() => optional(parseCapacity)(r.maxRequestsPerMonth, `${f}.maxRequestsPerMonth`));
    const vettedUntil = c.run(() => optional(parseIsoDate)(r.vettedUntil, `${f}.vettedUntil`));
    return complete<InstanceEmployer>({ id, name, latitude, longitude, maxPerMonth, vettedUntil });
  });
  uniqueIds(
    c,
    employers.map((e) => e?.id),
    'employers',
  );
  const employerIndex = sortedIndex(employers);

  const offersRaw = listAt(c, root.offers, 'offers');
  const contactIds = new Set<string>();
  const offerDrafts = offersRaw.map((v, i) => {
    const r = record(v);
    const f = `offers[${i}]`;
    const id = c.run(() => parseText(r.id, `${f}.id`));
    const employer = reference(c, employersRaw, employerIndex.position, r.employerId, `${f}.employerId`, 'employers');
    const contactId = c.run(() => parseText(r.contactId, `${f}.contactId`));
    const title = c.run(() => parseText(r.title, `${f}.title`));
    const activityType = c.run(() => parseEnum(r.activityType, ACTIVITY_TYPES, `${f}.activityType`));
    const format = c.run(() => parseEnum(r.format, FORMATS, `${f}.format`));
    const pupilsPerSession = c.run(() => parseCapacity(r.pupilsPerSession, `${f}.pupilsPerSession`));
    const sessionsAvailable = c.run(() => parseCapacity(r.sessionsAvailable, `${f}.sessionsAvailable`));
    const yearGroups = c.run(() => parseList(r.yearGroups, `${f}.yearGroups`, parseYearGroup));
    let travelRadiusKm: number | null | undefined = null;
    if (format === 'in_person_school') {
      if (r.travelRadiusKm === null || r.travelRadiusKm === undefined) {
        c.add(`${f}.travelRadiusKm`, 'REQUIRED', `${f}.travelRadiusKm is required for an offer given in person at school`);
        travelRadiusKm = undefined;
      } else travelRadiusKm = c.run(() => positiveKm(r.travelRadiusKm, `${f}.travelRadiusKm`));
    }
    if (contactId !== undefined) contactIds.add(contactId);
    const sortedYears = yearGroups && [...yearGroups].sort((a, b) => a - b);
    return complete<Omit<InstanceOffer, 'contact'> & { contactId: string }>({
      id,
      employer,
      contactId,
      title,
      activityType,
      format,
      pupilsPerSession,
      sessionsAvailable,
      yearGroups: sortedYears,
      travelRadiusKm,
    });
  });
  uniqueIds(
    c,
    offerDrafts.map((o) => o?.id),
    'offers',
  );
  const contacts = [...contactIds].sort(compareIds);
  const contactIndex = new Map(contacts.map((id, i) => [id, i]));
  const offerIndex = sortedIndex(offerDrafts);
  const offers: InstanceOffer[] = offerIndex.sorted.map(({ contactId, ...o }) => ({ ...o, contact: contactIndex.get(contactId) ?? -1 }));

  const sessionsRaw = listAt(c, root.sessions, 'sessions');
  const sessions = sessionsRaw.map((v, i): InstanceSession | undefined => {
    const r = record(v);
    const f = `sessions[${i}]`;
    const id = c.run(() => parseText(r.id, `${f}.id`));
    const offer = reference(c, offersRaw, offerIndex.position, r.offerId, `${f}.offerId`, 'offers');
    const when = interval(c, r, f);
    if (id === undefined || offer === undefined || when === undefined) return undefined;
    return { id, offer, ...when, month: londonMonth(when.start), lastDay: londonDate(when.end - 1) };
  });
  uniqueIds(
    c,
    sessions.map((s) => s?.id),
    'sessions',
  );

  const requestsRaw = listAt(c, root.requests, 'requests');
  const requests = requestsRaw.map((v, i): InstanceRequest | undefined => {
    const r = record(v);
    const f = `requests[${i}]`;
    const id = c.run(() => parseText(r.id, `${f}.id`));
    const school = reference(c, schoolsRaw, schoolIndex.position, r.schoolId, `${f}.schoolId`, 'schools');
    const yearGroup = c.run(() => parseYearGroup(r.yearGroup, `${f}.yearGroup`));
    const pupils = c.run(() => parseCapacity(r.pupils, `${f}.pupils`));
    const activityType = c.run(() => parseEnum(r.activityType, ACTIVITY_TYPES, `${f}.activityType`));
    const formats = c.run(() => parseList(r.formats, `${f}.formats`, (x, ff) => parseEnum(x, FORMATS, ff)));
    const windowsRaw = listAt(c, r.windows, `${f}.windows`);
    if (Array.isArray(r.windows) && windowsRaw.length === 0)
      c.add(`${f}.windows`, 'REQUIRED', `${f}.windows must list at least one window`);
    const windows = windowsRaw.map((w, k) => interval(c, record(w), `${f}.windows[${k}]`));
    const gap = record(r.gap);
    const gap5 = c.run(() => parseIntegerInRange(gap.benchmark5, `${f}.gap.benchmark5`, 0, 100_000));
    const gap6 = c.run(() => parseIntegerInRange(gap.benchmark6, `${f}.gap.benchmark6`, 0, 100_000));
    const disadvantagedShare = c.run(() => share(r.disadvantagedShare, `${f}.disadvantagedShare`));
    const validWindows = windows.includes(undefined)
      ? undefined
      : (windows as Interval[]).sort((a, b) => a.start - b.start || a.end - b.end);
    return complete<InstanceRequest>({
      id,
      school,
      yearGroup,
      pupils,
      activityType,
      formats,
      windows: validWindows,
      gap5,
      gap6,
      disadvantagedShare,
    });
  });
  uniqueIds(
    c,
    requests.map((x) => x?.id),
    'requests',
  );

  const bookingsRaw = listAt(c, root.existingBookings, 'existingBookings', false);
  const bookings = bookingsRaw.map((v, i): InstanceBooking | undefined => {
    const r = record(v);
    const f = `existingBookings[${i}]`;
    const texts = (['id', 'schoolId', 'employerId', 'contactId', 'offerId'] as const).map((k) => c.run(() => parseText(r[k], `${f}.${k}`)));
    const yearGroup = c.run(() => parseYearGroup(r.yearGroup, `${f}.yearGroup`));
    const when = interval(c, r, f);
    if (texts.includes(undefined) || yearGroup === undefined || when === undefined) return undefined;
    const [id, schoolId, employerId, contactId, offerId] = texts as string[];
    return { id, schoolId, yearGroup, employerId, contactId, offerId, ...when, month: londonMonth(when.start) };
  });

  c.throwIfAny();
  return {
    schools: schoolIndex.sorted,
    requests: sortedIndex(requests).sorted,
    employers: employerIndex.sorted,
    offers,
    sessions: sortedIndex(sessions).sorted,
    bookings: sortedIndex(bookings).sorted,
    contacts,
  };
}

const WEIGHT_LIMITS: Readonly<Record<keyof MatchingWeights, number>> = {
  pupilBeyondGap: 1,
  disadvantagedUplift: 10,
  perKm: 100,
  fairnessStep: 1000,
  fairnessCap: 1000,
};

/** Hub-stored weights over the defaults; each a finite number from 0 to a sane maximum. */
export function resolveMatchingWeights(weights: unknown = {}, field = 'weights'): MatchingWeights {
  const c = collect();
  const raw = record(weights);
  const out: Record<string, number> = { ...DEFAULT_MATCHING_WEIGHTS };
  for (const key of Object.keys(WEIGHT_LIMITS) as (keyof MatchingWeights)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    const max = WEIGHT_LIMITS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      c.add(`${field}.${key}`, 'INVALID_NUMBER', `${field}.${key} must be a number from 0 to ${max} (got ${showValue(value)})`);
    } else out[key] = value;
  }
  c.throwIfAny();
  return out as unknown as MatchingWeights;
}

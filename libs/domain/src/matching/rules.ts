import { benchmarkFor, needsVetting, type Benchmark } from '../vocabulary';
import { greatCircleKm } from './geo';
import { overlaps, type InstanceRequest, type InstanceSession, type Interval, type MatchingInstance } from './instance';
import { POINTS_PER_GAP_PUPIL, type MatchingWeights } from './model';

/**
 * The hard rules for one request and one session, and what a pair is worth. Rules about a whole
 * set of proposals (a session used once, an offer's sessions, an employer's month, nobody in two
 * places at once) live in `constraints.ts`; here, existing bookings already count against them.
 */

export const PAIR_RULES = [
  'activity_type', // same activity type
  'time', // the session lies within one of the request's windows
  'format', // the school accepts the session's format
  'year_group', // the offer is open to the request's year group
  'capacity', // the session holds all the request's pupils
  'radius', // in person at school: within the employer's travel radius
  'vetting', // in person: employer vetting valid on every day of the session
  'contact_busy', // the contact has an existing booking at an overlapping time
  'year_group_busy', // the school year group has an existing booking at an overlapping time
  'employer_month_full', // existing bookings already use the employer's limit for that month
  'offer_full', // existing bookings already use all of the offer's sessions
] as const;
export type PairRule = (typeof PAIR_RULES)[number];

/** Facts about the instance that pair checks need, worked out once. */
export interface RuleContext {
  readonly instance: MatchingInstance;
  readonly weights: MatchingWeights;
  /** Existing bookings' intervals per contact index. */
  readonly contactBusy: ReadonlyMap<number, readonly Interval[]>;
  /** Existing bookings' intervals per `schoolIndex|yearGroup`. */
  readonly yearGroupBusy: ReadonlyMap<string, readonly Interval[]>;
  /** Bookings an employer has left in a month (`employerIndex|YYYY-MM`); absent = its full limit. */
  readonly employerMonthUsed: ReadonlyMap<string, number>;
  /** Sessions of each offer still bookable (sessionsAvailable − existing bookings), may be ≤ 0. */
  readonly offerRemaining: readonly number[];
  /** Per session, the rules it breaks on its own because of existing bookings. */
  readonly sessionFailures: readonly (readonly PairRule[])[];
  /** Great-circle km between a school and an employer (by index), memoised. */
  distanceKm(school: number, employer: number): number;
}

export function yearGroupKey(school: number, yearGroup: number): string {
  return `${school}|${yearGroup}`;
}

export function employerMonthKey(employer: number, month: string): string {
  return `${employer}|${month}`;
}

export function buildRuleContext(instance: MatchingInstance, weights: MatchingWeights): RuleContext {
  const schoolByid = new Map(instance.schools.map((s, i) => [s.id, i]));
  const employerById = new Map(instance.employers.map((e, i) => [e.id, i]));
  const contactById = new Map(instance.contacts.map((id, i) => [id, i]));
  const offerById = new Map(instance.offers.map((o, i) => [o.id, i]));
  const contactBusy = new Map<number, Interval[]>();
  const yearGroupBusy = new Map<string, Interval[]>();
  const employerMonthUsed = new Map<string, number>();
  const offerRemaining = instance.offers.map((o) => o.sessionsAvailable);
  const push = <K>(map: Map<K, Interval[]>, key: K, value: Interval) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const b of instance.bookings) {
    const contact = contactById.get(b.contactId);
    if (contact !== undefined) push(contactBusy, contact, b);
    const school = schoolByid.get(b.schoolId);
    if (school !== undefined) push(yearGroupBusy, yearGroupKey(school, b.yearGroup), b);
    const employer = employerById.get(b.employerId);
    if (employer !== undefined) {
      const key = employerMonthKey(employer, b.month);
      employerMonthUsed.set(key, (employerMonthUsed.get(key) ?? 0) + 1);
    }
    const offer = offerById.get(b.offerId);
    if (offer !== undefined) offerRemaining[offer] -= 1;
  }
  const distanceKm = distanceMemo(instance);
  const partial = { instance, weights, contactBusy, yearGroupBusy, employerMonthUsed, offerRemaining, distanceKm };
  const sessionFailures = instance.sessions.map((session) => sessionRuleFailures(partial, session));
  return { ...partial, sessionFailures };
}

/**
 * Great-circle km between a school and an employer (by index), each pair worked out once: in a flat
 * typed array when the hub is small enough for one (most are), else in a map.
 */
function distanceMemo(instance: MatchingInstance): (school: number, employer: number) => number {
  const employers = instance.employers.length;
  const measure = (school: number, employer: number) => {
    const s = instance.schools[school];
    const e = instance.employers[employer];
    return greatCircleKm(s.latitude, s.longitude, e.latitude, e.longitude);
  };
  if (instance.schools.length * employers <= 4_000_000) {
    const memo = new Float64Array(instance.schools.length * employers).fill(-1);
    return (school, employer) => {
      const key = school * employers + employer;
      let km = memo[key];
      if (km < 0) km = memo[key] = measure(school, employer);
      return km;
    };
  }
  const memo = new Map<number, number>();
  return (school, employer) => {
    const key = school * employers + employer;
    let km = memo.get(key);
    if (km === undefined) memo.set(key, (km = measure(school, employer)));
    return km;
  };
}

/** How many more bookings the employer may take in the month (Infinity without a limit). */
export function employerMonthRemaining(ctx: Pick<RuleContext, 'instance' | 'employerMonthUsed'>, employer: number, month: string): number {
  const limit = ctx.instance.employers[employer].maxPerMonth;
  return limit === null ? Infinity : limit - (ctx.employerMonthUsed.get(employerMonthKey(employer, month)) ?? 0);
}

function withinWindow(request: InstanceRequest, session: Interval): boolean {
  return request.windows.some((w) => w.start <= session.start && session.end <= w.end);
}

function busy(list: readonly Interval[] | undefined, session: Interval): boolean {
  return list !== undefined && list.some((b) => overlaps(b, session));
}

/** Great-circle km between the request's school and the session's employer. */
export function pairDistanceKm(ctx: RuleContext, request: InstanceRequest, session: InstanceSession): number {
  return ctx.distanceKm(request.school, ctx.instance.offers[session.offer].employer);
}

/** Rules the session breaks on its own, because of existing bookings. */
function sessionRuleFailures(ctx: Omit<RuleContext, 'sessionFailures'>, session: InstanceSession): PairRule[] {
  const offer = ctx.instance.offers[session.offer];
  const failed: PairRule[] = [];
  if (busy(ctx.contactBusy.get(offer.contact), session)) failed.push('contact_busy');
  if (employerMonthRemaining(ctx, offer.employer, session.month) <= 0) failed.push('employer_month_full');
  if (ctx.offerRemaining[session.offer] <= 0) failed.push('offer_full');
  return failed;
}

/** Every hard rule this pair breaks, in `PAIR_RULES` order; empty when the pair is feasible. */
export function pairRuleFailures(ctx: RuleContext, request: InstanceRequest, index: number): PairRule[] {
  const session = ctx.instance.sessions[index];
  const offer = ctx.instance.offers[session.offer];
  const employer = ctx.instance.employers[offer.employer];
  const failed: PairRule[] = [];
  if (offer.activityType !== request.activityType) failed.push('activity_type');
  if (!withinWindow(request, session)) failed.push('time');
  if (!request.formats.includes(offer.format)) failed.push('format');
  if (!offer.yearGroups.includes(request.yearGroup)) failed.push('year_group');
  if (request.pupils > offer.pupilsPerSession) failed.push('capacity');
  if (offer.format === 'in_person_school' && pairDistanceKm(ctx, request, session) > (offer.travelRadiusKm ?? 0)) failed.push('radius');
  if (needsVetting(offer.format) && (employer.vettedUntil === null || employer.vettedUntil < session.lastDay)) failed.push('vetting');
  const sessionFailures = ctx.sessionFailures[index];
  if (sessionFailures.includes('contact_busy')) failed.push('contact_busy');
  if (busy(ctx.yearGroupBusy.get(yearGroupKey(request.school, request.yearGroup)), session)) failed.push('year_group_busy');
  for (const rule of sessionFailures) if (rule !== 'contact_busy') failed.push(rule);
  return failed;
}

export interface PairWorth {
  readonly benchmark: Benchmark;
  readonly gapPupils: number;
  readonly gapPupilsClosed: number;
  /** null for virtual sessions (no travel). */
  readonly distanceKm: number | null;
  /** Integer worth in points (POINTS_PER_GAP_PUPIL per gap pupil). */
  readonly points: number;
}

/**
 * What a pair is worth: the gap pupils it closes (min(pupils, gap); pupils beyond the gap count a
 * little, `pupilBeyondGap`), times (1 + uplift × the disadvantaged share), less `perKm` per km of
 * travel for in-person formats, rounded to whole points. A pair worth ≤ 0 is never proposed.
 *
 * Two requests for the same year group each count up to the whole gap: the gap is a snapshot and
 * the requests usually serve different pupils; the fairness term damps repeats at one school.
 */
export function pairWorth(ctx: RuleContext, request: InstanceRequest, session: InstanceSession): PairWorth {
  const offer = ctx.instance.offers[session.offer];
  const benchmark = benchmarkFor(request.activityType, offer.format);
  const gapPupils = benchmark === 5 ? request.gap5 : request.gap6;
  const gapPupilsClosed = Math.min(request.pupils, gapPupils);
  const distanceKm = offer.format === 'virtual' ? null : pairDistanceKm(ctx, request, session);
  return {
    benchmark,
    gapPupils,
    gapPupilsClosed,
    distanceKm,
    points: worthPoints(ctx.weights, request.pupils, gapPupilsClosed, request.disadvantagedShare, distanceKm ?? 0),
  };
}

/** The integer worth of a pair from its parts (the one formula, shared with the fast candidate search). */
export function worthPoints(
  w: MatchingWeights,
  pupils: number,
  gapPupilsClosed: number,
  disadvantagedShare: number,
  travelKm: number,
): number {
  const worth =
    (gapPupilsClosed + w.pupilBeyondGap * (pupils - gapPupilsClosed)) * (1 + w.disadvantagedUplift * disadvantagedShare) -
    w.perKm * travelKm;
  return Math.round(worth * POINTS_PER_GAP_PUPIL);
}

/**
 * Fairness: the k-th proposal (k ≥ 1) for one school in a run loses min(step × (k−1), cap) gap
 * pupils. The loss grows with k, so the school's total worth is concave in its number of
 * proposals: a convex cost on the school, which the network expresses with parallel arcs.
 */
export function fairnessPenaltyPoints(weights: MatchingWeights, k: number): number {
  return Math.round(Math.min(weights.fairnessStep * (k - 1), weights.fairnessCap) * POINTS_PER_GAP_PUPIL);
}

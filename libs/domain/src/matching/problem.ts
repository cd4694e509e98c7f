import { benchmarkFor, needsVetting, type Format } from '../vocabulary';
import { overlaps, type InstanceRequest, type MatchingInstance } from './instance';
import type { MatchingWeights } from './model';
import {
  buildRuleContext,
  employerMonthKey,
  employerMonthRemaining,
  fairnessPenaltyPoints,
  worthPoints,
  yearGroupKey,
  type RuleContext,
} from './rules';

/**
 * The optimisation problem of one run, built from a validated instance: the candidate pairs (every
 * request × session that keeps all the pair rules and is worth something), the fairness penalties
 * per school, and every constraint over sets of pairs. Both the exact solver and the benchmark's
 * plain MIP are built from this one description, so they solve the same problem.
 *
 *   maximise  Σ points[p]·x[p] − Σ_school fairness(number of the school's proposals)
 *   subject to, with x binary:
 *     Σ x over a request's pairs ≤ 1             Σ x over a session's pairs ≤ 1
 *     and every SetConstraint: Σ x over its pairs ≤ bound
 */

export type SetConstraintKind = 'offer_sessions' | 'employer_month' | 'contact_overlap' | 'year_group_overlap';

export interface SetConstraint {
  readonly kind: SetConstraintKind;
  /** What it is about: offer index, `employerIndex|YYYY-MM`, contact index, or `schoolIndex|yearGroup`. */
  readonly subject: string;
  readonly bound: number;
  /** Pair indexes, ascending. */
  readonly pairs: Int32Array;
  /** For the session-level kinds (all but year_group_overlap): the sessions, ascending. */
  readonly sessions: Int32Array | null;
}

export interface MatchingProblem {
  readonly instance: MatchingInstance;
  readonly context: RuleContext;
  /** Pairs sorted by (request, session). */
  readonly pairCount: number;
  readonly pairRequest: Int32Array;
  readonly pairSession: Int32Array;
  readonly pairPoints: Int32Array;
  /** Pairs of request r are `pairsStart[r] … pairsStart[r+1]-1`. */
  readonly pairsStart: Int32Array;
  /** Pairs of each session, ascending. */
  readonly pairsOfSession: readonly Int32Array[];
  /** Per school, the penalty in points of its k-th proposal at index k-1 (as many as it has requests). */
  readonly fairness: readonly Int32Array[];
  readonly constraints: readonly SetConstraint[];
  readonly sessionIndex: SessionIndex;
}

/** Sessions by activity type, each list sorted by start: finds the sessions inside a window fast. */
export interface SessionIndex {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly byType: ReadonlyMap<string, readonly number[]>;
}

export function buildSessionIndex(instance: MatchingInstance): SessionIndex {
  const starts = Float64Array.from(instance.sessions, (s) => s.start);
  const ends = Float64Array.from(instance.sessions, (s) => s.end);
  const byType = new Map<string, number[]>();
  instance.sessions.forEach((s, i) => {
    const type = instance.offers[s.offer].activityType;
    const list = byType.get(type);
    if (list) list.push(i);
    else byType.set(type, [i]);
  });
  for (const list of byType.values()) list.sort((a, b) => starts[a] - starts[b] || a - b);
  return { starts, ends, byType };
}

function lowerBoundByStart(sorted: readonly number[], starts: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[sorted[mid]] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sessions of the request's activity type lying within one of its windows, ascending. */
export function sessionsInWindows(instance: MatchingInstance, index: SessionIndex, request: InstanceRequest): number[] {
  return sessionsInWindowsInto(index, request, [], () => true);
}

/**
 * The same, keeping only sessions that pass `keep`, written into `out` (reused between requests to
 * spare the garbage collector). Windows may overlap, so a session is kept once.
 */
function sessionsInWindowsInto(index: SessionIndex, request: InstanceRequest, out: number[], keep: (session: number) => boolean): number[] {
  out.length = 0;
  const list = index.byType.get(request.activityType);
  if (list === undefined) return out;
  const { starts, ends } = index;
  let overlapping = false;
  let lastEnd = -Infinity;
  for (const w of request.windows) {
    if (w.start < lastEnd) overlapping = true; // windows are sorted by start
    lastEnd = Math.max(lastEnd, w.end);
    for (let k = lowerBoundByStart(list, starts, w.start); k < list.length && starts[list[k]] < w.end; k++) {
      const session = list[k];
      if (ends[session] <= w.end && keep(session)) out.push(session);
    }
  }
  out.sort((a, b) => a - b);
  if (overlapping) {
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
    out.length = n;
  }
  return out;
}

const FORMAT_BIT: Readonly<Record<Format, number>> = { in_person_workplace: 1, in_person_school: 2, virtual: 4 };

/**
 * Every request × session that keeps all the pair rules and is worth something: the same decision
 * as `pairRuleFailures(...).length === 0 && pairWorth(...).points > 0`, taken with facts worked out
 * once per session and per offer instead of per pair (a big hub has ~7 window candidates per pair).
 */
function candidatePairs(ctx: RuleContext, index: SessionIndex) {
  const { requests, sessions, offers, employers } = ctx.instance;
  const sessionOpen = Uint8Array.from(sessions, (session, s) => {
    if (ctx.sessionFailures[s].length > 0) return 0;
    const offer = offers[session.offer];
    if (!needsVetting(offer.format)) return 1;
    const vettedUntil = employers[offer.employer].vettedUntil;
    return vettedUntil !== null && vettedUntil >= session.lastDay ? 1 : 0;
  });
  const offerYears = Int32Array.from(offers, (o) => o.yearGroups.reduce((mask, y) => mask | (1 << y), 0));
  const offerFormat = Int32Array.from(offers, (o) => FORMAT_BIT[o.format]);
  const req: number[] = [];
  const ses: number[] = [];
  const pts: number[] = [];
  const pairsStart = new Int32Array(requests.length + 1);
  const found: number[] = [];
  requests.forEach((request, r) => {
    pairsStart[r] = req.length;
    const formats = request.formats.reduce((mask, f) => mask | FORMAT_BIT[f], 0);
    const yearBit = 1 << request.yearGroup;
    // the rules that depend on the offer and the session alone, before anything per pair
    const fits = (s: number) => {
      const o = sessions[s].offer;
      return (
        sessionOpen[s] === 1 &&
        (offerFormat[o] & formats) !== 0 &&
        (offerYears[o] & yearBit) !== 0 &&
        request.pupils <= offers[o].pupilsPerSession
      );
    };
    const busy = ctx.yearGroupBusy.get(yearGroupKey(request.school, request.yearGroup));
    for (const s of sessionsInWindowsInto(index, request, found, fits)) {
      const session = sessions[s];
      const offer = offers[session.offer];
      const km = offer.format === 'virtual' ? 0 : ctx.distanceKm(request.school, offer.employer);
      if (offer.format === 'in_person_school' && km > (offer.travelRadiusKm ?? 0)) continue;
      if (busy !== undefined && busy.some((b) => overlaps(b, session))) continue;
      const gap = benchmarkFor(request.activityType, offer.format) === 5 ? request.gap5 : request.gap6;
      const points = worthPoints(ctx.weights, request.pupils, Math.min(request.pupils, gap), request.disadvantagedShare, km);
      if (points <= 0) continue;
      req.push(r);
      ses.push(s);
      pts.push(points);
    }
  });
  pairsStart[requests.length] = req.length;
  return { pairRequest: Int32Array.from(req), pairSession: Int32Array.from(ses), pairPoints: Int32Array.from(pts), pairsStart };
}

/**
 * Maximal sets of intervals that share a moment (the maximal cliques of an interval graph): sweep
 * the ends and starts in time order (an end before a start at the same instant, as intervals are
 * half-open) and emit the open set at each end that follows a start.
 */
export function maximalOverlapSets(items: readonly { readonly start: number; readonly end: number; readonly id: number }[]): number[][] {
  const byId = new Map(items.map((it) => [it.id, it]));
  return overlapSetsOf(
    items.map((it) => it.id),
    (id) => byId.get(id)?.start ?? 0,
    (id) => byId.get(id)?.end ?? 0,
  );
}

/** The sweep of maximalOverlapSets over ids whose times come from `start` and `end`. */
function overlapSetsOf(ids: readonly number[], start: (id: number) => number, end: (id: number) => number): number[][] {
  const n = ids.length;
  const time = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    time[2 * i] = end(ids[i]); // event 2i: the end of item i, 2i+1: its start
    time[2 * i + 1] = start(ids[i]);
  }
  const order = Array.from({ length: 2 * n }, (_, e) => e);
  // by time, ends before starts, then by id
  order.sort((a, b) => time[a] - time[b] || (a & 1) - (b & 1) || ids[a >> 1] - ids[b >> 1]);
  const open = new Set<number>();
  const out: number[][] = [];
  let grew = false;
  for (const e of order) {
    const id = ids[e >> 1];
    if ((e & 1) === 1) {
      open.add(id);
      grew = true;
    } else {
      if (grew && open.size > 1) out.push([...open].sort((a, b) => a - b));
      grew = false;
      open.delete(id);
    }
  }
  return out;
}

function groupBy<K>(count: number, key: (i: number) => K | null): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

function pairsOfSessions(sessions: readonly number[], pairsOfSession: readonly Int32Array[]): Int32Array {
  const out: number[] = [];
  for (const s of sessions) for (const p of pairsOfSession[s]) out.push(p);
  return Int32Array.from(out.sort((a, b) => a - b));
}

export function buildMatchingProblem(instance: MatchingInstance, weights: MatchingWeights): MatchingProblem {
  const ctx = buildRuleContext(instance, weights);
  const sessionIndex = buildSessionIndex(instance);
  const { pairRequest, pairSession, pairPoints, pairsStart } = candidatePairs(ctx, sessionIndex);
  const pairCount = pairRequest.length;
  const sessionPairLists: number[][] = instance.sessions.map(() => []);
  for (let p = 0; p < pairCount; p++) sessionPairLists[pairSession[p]].push(p);
  const pairsOfSession = sessionPairLists.map((l) => Int32Array.from(l));
  const used = (s: number) => pairsOfSession[s].length > 0;

  const requestsPerSchool = new Array<number>(instance.schools.length).fill(0);
  for (const r of instance.requests) requestsPerSchool[r.school]++;
  const fairness = requestsPerSchool.map((n) => Int32Array.from({ length: n }, (_, k) => fairnessPenaltyPoints(weights, k + 1)));

  const constraints: SetConstraint[] = [];
  const sessionLevel = (kind: SetConstraintKind, subject: string, bound: number, sessions: number[]) => {
    constraints.push({ kind, subject, bound, sessions: Int32Array.from(sessions), pairs: pairsOfSessions(sessions, pairsOfSession) });
  };

  const byOffer = groupBy(instance.sessions.length, (s) => (used(s) ? instance.sessions[s].offer : null));
  for (const [offer, sessions] of [...byOffer].sort((a, b) => a[0] - b[0]))
    sessionLevel('offer_sessions', String(offer), ctx.offerRemaining[offer], sessions);

  const byEmployerMonth = groupBy(instance.sessions.length, (s) => {
    const session = instance.sessions[s];
    const employer = instance.offers[session.offer].employer;
    return used(s) && instance.employers[employer].maxPerMonth !== null ? employerMonthKey(employer, session.month) : null;
  });
  for (const [key, sessions] of [...byEmployerMonth].sort((a, b) => a[1][0] - b[1][0])) {
    const session = instance.sessions[sessions[0]];
    sessionLevel('employer_month', key, employerMonthRemaining(ctx, instance.offers[session.offer].employer, session.month), sessions);
  }

  const byContact = groupBy(instance.sessions.length, (s) => (used(s) ? instance.offers[instance.sessions[s].offer].contact : null));
  for (const [contact, sessions] of [...byContact].sort((a, b) => a[0] - b[0])) {
    for (const clique of overlapSetsOf(
      sessions,
      (s) => sessionIndex.starts[s],
      (s) => sessionIndex.ends[s],
    ))
      sessionLevel('contact_overlap', String(contact), 1, clique);
  }

  const byYearGroup = groupBy(instance.requests.length, (r) =>
    pairsStart[r + 1] > pairsStart[r] ? yearGroupKey(instance.requests[r].school, instance.requests[r].yearGroup) : null,
  );
  for (const [key, requests] of [...byYearGroup].sort((a, b) => a[1][0] - b[1][0])) {
    if (requests.length < 2) continue;
    const pairs: number[] = [];
    for (const r of requests) for (let p = pairsStart[r]; p < pairsStart[r + 1]; p++) pairs.push(p);
    for (const clique of overlapSetsOf(
      pairs,
      (p) => sessionIndex.starts[pairSession[p]],
      (p) => sessionIndex.ends[pairSession[p]],
    )) {
      if (new Set(clique.map((p) => pairRequest[p])).size < 2) continue; // one request takes one session anyway
      constraints.push({ kind: 'year_group_overlap', subject: key, bound: 1, pairs: Int32Array.from(clique), sessions: null });
    }
  }

  return {
    instance,
    context: ctx,
    pairCount,
    pairRequest,
    pairSession,
    pairPoints,
    pairsStart,
    pairsOfSession,
    fairness,
    constraints,
    sessionIndex,
  };
}

/** The objective of a set of chosen pairs: their points less each school's fairness penalties. */
export function objectiveOf(problem: MatchingProblem, chosen: Iterable<number>): number {
  const perSchool = new Array<number>(problem.instance.schools.length).fill(0);
  let total = 0;
  for (const p of chosen) {
    total += problem.pairPoints[p];
    const school = problem.instance.requests[problem.pairRequest[p]].school;
    perSchool[school]++;
    total -= problem.fairness[school][perSchool[school] - 1];
  }
  return total;
}

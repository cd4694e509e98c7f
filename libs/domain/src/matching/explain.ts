import { ACTIVITY_TYPE_LABELS, FORMAT_LABELS } from '../vocabulary';
import { overlaps, type Interval } from './instance';
import { monthLabel } from './london-time';
import type { MatchingProposal, MatchingReason, MatchingReasonCode, UnmatchedRequest } from './model';
import { sessionsInWindows, type MatchingProblem } from './problem';
import { employerMonthKey, employerMonthRemaining, pairRuleFailures, pairWorth, yearGroupKey, type PairRule } from './rules';

/**
 * Plain-English reasons built from the numbers: every proposal says why it was chosen, every
 * unmatched request says which constraint stopped it. Each reason is a code with parameters (for
 * a UI to translate) and the rendered English sentence.
 */

type Params = Record<string, string | number | boolean>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const km = (x: number) => `${x.toFixed(1)} km`;
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The English sentence of a reason (kept beside the code so both stay in step). */
export function renderReason(code: MatchingReasonCode, p: Params): string {
  switch (code) {
    case 'CLOSES_GAP':
      return p.gapPupilsClosed === 0
        ? `serves ${p.pupils} Year ${p.yearGroup} pupils at ${p.school} who already have benchmark ${p.benchmark}`
        : `closes the benchmark-${p.benchmark} gap for ${p.gapPupilsClosed === p.pupils ? p.pupils : `${p.gapPupilsClosed} of the ${p.pupils}`} Year ${p.yearGroup} pupils at ${p.school}, ${p.disadvantagedPercent}% disadvantaged or at risk`;
    case 'DISTANCE':
      return `${km(Number(p.km))} away`;
    case 'VIRTUAL':
      return 'virtual, so nobody travels';
    case 'EMPLOYER_MONTH_ALLOWANCE':
      return `${p.employer} has ${p.left} of its ${plural(Number(p.limit), 'request')} left in ${p.month}`;
    case 'OFFER_SESSIONS_LEFT':
      return `"${p.offer}" has ${p.left} of its ${plural(Number(p.available), 'session')} left`;
    case 'SCHOOL_SHARE':
      return `the ${ordinal(Number(p.rank))} of ${p.total} proposals for ${p.school} in this run`;
    case 'NO_OFFER_OF_TYPE':
      return `no offer of that type (${p.activityType}) in the hub`;
    case 'OUTSIDE_WINDOWS':
      return `none of the ${plural(Number(p.sessions), `${p.activityType} session`)} falls within the requested times`;
    case 'FORMAT_NOT_ACCEPTED':
      return `the ${plural(Number(p.sessions), 'session')} in the requested times ${Number(p.sessions) === 1 ? 'is' : 'are'} not in an accepted format (${p.formats})`;
    case 'YEAR_GROUP_NOT_ELIGIBLE':
      return `none of the ${plural(Number(p.sessions), 'session')} in the requested times and formats is open to Year ${p.yearGroup}`;
    case 'TOO_MANY_PUPILS':
      return `${Number(p.sessions) === 1 ? 'the one session that fits holds' : `the ${p.sessions} sessions that fit hold`} at most ${p.largest} pupils, fewer than the ${p.pupils} asked for`;
    case 'BEYOND_TRAVEL_RADIUS':
      return `no offer of that type within ${p.radiusKm} km on those dates (the nearest is ${km(Number(p.nearestKm))} away)`;
    case 'VETTING_NOT_VALID':
      return Number(p.sessions) === 1
        ? 'the employer of the one session that fits is not vetted for in-person work on that day'
        : `the employers of the ${p.sessions} sessions that fit are not vetted for in-person work on those days`;
    case 'CONTACT_ALREADY_BOOKED':
      return p.byThisRun
        ? `the employer's contact is proposed elsewhere at that time for ${plural(Number(p.sessions), 'compatible session')}`
        : `the employer's contact is already booked at that time for ${plural(Number(p.sessions), 'compatible session')}`;
    case 'YEAR_GROUP_ALREADY_BOOKED':
      return p.byThisRun
        ? `Year ${p.yearGroup} already has another proposal at that time (${plural(Number(p.sessions), 'compatible session')})`
        : `Year ${p.yearGroup} is already booked at that time (${plural(Number(p.sessions), 'compatible session')})`;
    case 'EMPLOYER_AT_MONTHLY_LIMIT':
      return `employer already at its limit of ${plural(Number(p.limit), 'request')} in ${p.month} (${p.employer}${Number(p.sessions) > 1 ? `, ${p.sessions} compatible sessions` : ''})`;
    case 'OFFER_FULLY_BOOKED':
      return `${Number(p.available) === 1 ? `the only session "${p.offer}" offers is` : `all ${p.available} sessions "${p.offer}" offers are`} taken${Number(p.sessions) > 1 ? ` (${p.sessions} compatible sessions)` : ''}`;
    case 'NOT_WORTH_PROPOSING':
      return Number(p.sessions) === 1
        ? 'the one session that fits is too far away for the gap it would close'
        : `the ${p.sessions} sessions that fit are too far away for the gap they would close`;
    case 'SESSION_TAKEN': {
      const n = Number(p.sessions);
      const which =
        n === Number(p.compatible)
          ? n === 1
            ? 'the one compatible session'
            : `all ${n} compatible sessions`
          : `${n} of the ${p.compatible} compatible sessions`;
      return `${which} went to ${n === 1 ? 'another request where it closes' : 'other requests where they close'} more gap overall`;
    }
    case 'SCHOOL_HAS_ENOUGH':
      return `${p.school} already has ${plural(Number(p.proposals), 'proposal')} in this run, and one more would be worth less than spreading the sessions to other schools`;
    case 'NOT_CHOSEN':
      return 'the search stopped before it could place this request';
  }
}

function reason(code: MatchingReasonCode, params: Params): MatchingReason {
  return { code, params, text: renderReason(code, params) };
}

/** "closes …; 6.2 km away; …" → "Closes …; 6.2 km away; …." */
export function summarise(reasons: readonly MatchingReason[]): string {
  const text = reasons.map((r) => r.text).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

interface Tallies {
  readonly perOffer: Map<number, number>;
  readonly perEmployerMonth: Map<string, number>;
  readonly perSchool: Map<number, number>;
  readonly sessionUsedBy: Map<number, number>;
  /** Chosen sessions per contact and per `school|yearGroup`, to spot overlaps. */
  readonly byContact: Map<number, Interval[]>;
  readonly byYearGroup: Map<string, Interval[]>;
}

function tally(problem: MatchingProblem, chosen: Int32Array): Tallies {
  const { instance } = problem;
  const t: Tallies = {
    perOffer: new Map(),
    perEmployerMonth: new Map(),
    perSchool: new Map(),
    sessionUsedBy: new Map(),
    byContact: new Map(),
    byYearGroup: new Map(),
  };
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const add = <K>(m: Map<K, Interval[]>, k: K, v: Interval) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const p of chosen) {
    const s = instance.sessions[problem.pairSession[p]];
    bump(t.perOffer, s.offer);
    bump(t.perEmployerMonth, employerMonthKey(instance.offers[s.offer].employer, s.month));
    bump(t.perSchool, instance.requests[problem.pairRequest[p]].school);
    t.sessionUsedBy.set(problem.pairSession[p], problem.pairRequest[p]);
    const request = instance.requests[problem.pairRequest[p]];
    add(t.byContact, instance.offers[s.offer].contact, s);
    add(t.byYearGroup, yearGroupKey(request.school, request.yearGroup), s);
  }
  return t;
}

export function explainProposals(problem: MatchingProblem, chosen: Int32Array): MatchingProposal[] {
  const { instance, context } = problem;
  const t = tally(problem, chosen);
  const rankInSchool = new Map<number, number>();
  const order = Array.from(chosen).sort((a, b) => problem.pairPoints[b] - problem.pairPoints[a] || a - b);
  const seenPerSchool = new Map<number, number>();
  for (const p of order) {
    const school = instance.requests[problem.pairRequest[p]].school;
    const rank = (seenPerSchool.get(school) ?? 0) + 1;
    seenPerSchool.set(school, rank);
    rankInSchool.set(p, rank);
  }
  return Array.from(chosen, (p) => {
    const request = instance.requests[problem.pairRequest[p]];
    const sessionIndex = problem.pairSession[p];
    const session = instance.sessions[sessionIndex];
    const offer = instance.offers[session.offer];
    const employer = instance.employers[offer.employer];
    const school = instance.schools[request.school];
    const worth = pairWorth(context, request, session);
    const reasons: MatchingReason[] = [
      reason('CLOSES_GAP', {
        benchmark: worth.benchmark,
        gapPupilsClosed: worth.gapPupilsClosed,
        gapPupils: worth.gapPupils,
        pupils: request.pupils,
        yearGroup: request.yearGroup,
        school: school.name,
        disadvantagedPercent: Math.round(request.disadvantagedShare * 100),
      }),
      worth.distanceKm === null
        ? reason('VIRTUAL', {})
        : reason('DISTANCE', { km: round1(worth.distanceKm), format: FORMAT_LABELS[offer.format] }),
    ];
    if (employer.maxPerMonth !== null) {
      const left =
        employerMonthRemaining(context, offer.employer, session.month) -
        (t.perEmployerMonth.get(employerMonthKey(offer.employer, session.month)) ?? 0);
      reasons.push(
        reason('EMPLOYER_MONTH_ALLOWANCE', {
          employer: employer.name,
          left,
          limit: employer.maxPerMonth,
          month: monthLabel(session.month),
        }),
      );
    }
    reasons.push(
      reason('OFFER_SESSIONS_LEFT', {
        offer: offer.title,
        left: context.offerRemaining[session.offer] - (t.perOffer.get(session.offer) ?? 0),
        available: offer.sessionsAvailable,
      }),
    );
    const total = t.perSchool.get(request.school) ?? 1;
    if (total > 1) reasons.push(reason('SCHOOL_SHARE', { school: school.name, rank: rankInSchool.get(p) ?? 1, total }));
    return {
      requestId: request.id,
      sessionId: session.id,
      offerId: offer.id,
      employerId: employer.id,
      contactId: instance.contacts[offer.contact],
      schoolId: school.id,
      startsAt: new Date(session.start).toISOString(),
      endsAt: new Date(session.end).toISOString(),
      benchmark: worth.benchmark,
      pupils: request.pupils,
      gapPupilsClosed: worth.gapPupilsClosed,
      distanceKm: worth.distanceKm === null ? null : round1(worth.distanceKm),
      points: worth.points,
      reasons,
      summary: summarise(reasons),
    };
  });
}

/** The funnel of pair rules, in the order a person narrows a search. */
const FUNNEL: readonly (PairRule | 'worth')[] = [
  'format',
  'year_group',
  'capacity',
  'radius',
  'vetting',
  'contact_busy',
  'year_group_busy',
  'employer_month_full',
  'offer_full',
  'worth',
];

/** Why no session was ever a candidate: narrow the sessions of that type rule by rule, report where none are left. */
function noCandidateReason(problem: MatchingProblem, r: number): MatchingReason {
  const { instance, context } = problem;
  const request = instance.requests[r];
  const activityType = ACTIVITY_TYPE_LABELS[request.activityType];
  const ofType = problem.sessionIndex.byType.get(request.activityType) ?? [];
  if (ofType.length === 0) return reason('NO_OFFER_OF_TYPE', { activityType });
  let left = sessionsInWindows(instance, problem.sessionIndex, request);
  if (left.length === 0) return reason('OUTSIDE_WINDOWS', { activityType, sessions: ofType.length });
  const failures = new Map(
    left.map((s) => {
      const broken = new Set<string>(pairRuleFailures(context, request, s));
      if (broken.size === 0 && pairWorth(context, request, instance.sessions[s]).points <= 0) broken.add('worth');
      return [s, broken];
    }),
  );
  for (const stage of FUNNEL) {
    const next = left.filter((s) => !failures.get(s)?.has(stage));
    if (next.length > 0) {
      left = next;
      continue;
    }
    const offers = left.map((s) => instance.offers[instance.sessions[s].offer]);
    const n = left.length;
    switch (stage) {
      case 'format':
        return reason('FORMAT_NOT_ACCEPTED', {
          sessions: n,
          formats: request.formats.map((f) => FORMAT_LABELS[f].toLowerCase()).join(' or '),
        });
      case 'year_group':
        return reason('YEAR_GROUP_NOT_ELIGIBLE', { sessions: n, yearGroup: request.yearGroup });
      case 'capacity':
        return reason('TOO_MANY_PUPILS', {
          sessions: n,
          largest: Math.max(...offers.map((o) => o.pupilsPerSession)),
          pupils: request.pupils,
        });
      case 'radius':
        return reason('BEYOND_TRAVEL_RADIUS', {
          sessions: n,
          radiusKm: Math.max(...offers.map((o) => o.travelRadiusKm ?? 0)),
          nearestKm: round1(Math.min(...offers.map((o) => context.distanceKm(request.school, o.employer)))),
        });
      case 'vetting':
        return reason('VETTING_NOT_VALID', { sessions: n });
      case 'contact_busy':
        return reason('CONTACT_ALREADY_BOOKED', { sessions: n, byThisRun: false });
      case 'year_group_busy':
        return reason('YEAR_GROUP_ALREADY_BOOKED', { sessions: n, yearGroup: request.yearGroup, byThisRun: false });
      case 'employer_month_full': {
        const session = instance.sessions[left[0]];
        const employer = instance.employers[instance.offers[session.offer].employer];
        return reason('EMPLOYER_AT_MONTHLY_LIMIT', {
          sessions: n,
          employer: employer.name,
          limit: employer.maxPerMonth ?? 0,
          month: monthLabel(session.month),
          byThisRun: false,
        });
      }
      case 'offer_full':
        return reason('OFFER_FULLY_BOOKED', {
          sessions: n,
          offer: offers[0].title,
          available: offers[0].sessionsAvailable,
          byThisRun: false,
        });
      case 'worth':
        return reason('NOT_WORTH_PROPOSING', { sessions: n });
    }
  }
  return reason('NOT_CHOSEN', {});
}

/** Why a request with candidates was left out: what stopped each of its candidate sessions in the final answer. */
function blockedReasons(problem: MatchingProblem, r: number, t: Tallies): MatchingReason[] {
  const { instance, context } = problem;
  const request = instance.requests[r];
  const groups = new Map<string, { code: MatchingReasonCode; params: Params; sessions: number }>();
  const compatible = problem.pairsStart[r + 1] - problem.pairsStart[r];
  const candidates = Array.from({ length: compatible }, (_, i) => problem.pairsStart[r] + i).sort(
    (a, b) => problem.pairPoints[b] - problem.pairPoints[a] || a - b,
  );
  for (const p of candidates) {
    const sIndex = problem.pairSession[p];
    const session = instance.sessions[sIndex];
    const offer = instance.offers[session.offer];
    const employer = instance.employers[offer.employer];
    let code: MatchingReasonCode;
    let params: Params = {};
    let subject = '';
    if (t.sessionUsedBy.has(sIndex)) code = 'SESSION_TAKEN';
    else if ((t.perOffer.get(session.offer) ?? 0) >= context.offerRemaining[session.offer]) {
      code = 'OFFER_FULLY_BOOKED';
      params = { offer: offer.title, available: offer.sessionsAvailable, byThisRun: true };
      subject = offer.id;
    } else if (
      (t.perEmployerMonth.get(employerMonthKey(offer.employer, session.month)) ?? 0) >=
      employerMonthRemaining(context, offer.employer, session.month)
    ) {
      code = 'EMPLOYER_AT_MONTHLY_LIMIT';
      params = { employer: employer.name, limit: employer.maxPerMonth ?? 0, month: monthLabel(session.month), byThisRun: true };
      subject = `${employer.id}|${session.month}`;
    } else if ((t.byContact.get(offer.contact) ?? []).some((c) => overlaps(c, session))) {
      code = 'CONTACT_ALREADY_BOOKED';
      params = { byThisRun: true };
    } else if ((t.byYearGroup.get(yearGroupKey(request.school, request.yearGroup)) ?? []).some((c) => overlaps(c, session))) {
      code = 'YEAR_GROUP_ALREADY_BOOKED';
      params = { yearGroup: request.yearGroup, byThisRun: true };
    } else if (problem.pairPoints[p] <= problem.fairness[request.school][t.perSchool.get(request.school) ?? 0]) {
      code = 'SCHOOL_HAS_ENOUGH';
      params = { school: instance.schools[request.school].name, proposals: t.perSchool.get(request.school) ?? 0 };
    } else code = 'NOT_CHOSEN';
    const key = `${code}|${subject}`;
    const group = groups.get(key);
    if (group) group.sessions++;
    else groups.set(key, { code, params, sessions: 1 });
  }
  // most compatible sessions first; ties keep the order of the best candidate they stopped
  const ordered = [...groups.values()].map((g, i) => ({ g, i })).sort((a, b) => b.g.sessions - a.g.sessions || a.i - b.i);
  return ordered.map(({ g }) =>
    reason(g.code, g.code === 'SESSION_TAKEN' ? { sessions: g.sessions, compatible } : { ...g.params, sessions: g.sessions }),
  );
}

export function explainUnmatched(problem: MatchingProblem, chosen: Int32Array): UnmatchedRequest[] {
  const matched = new Set(Array.from(chosen, (p) => problem.pairRequest[p]));
  const t = tally(problem, chosen);
  const out: UnmatchedRequest[] = [];
  problem.instance.requests.forEach((request, r) => {
    if (matched.has(r)) return;
    const reasons = problem.pairsStart[r + 1] === problem.pairsStart[r] ? [noCandidateReason(problem, r)] : blockedReasons(problem, r, t);
    out.push({ requestId: request.id, schoolId: problem.instance.schools[request.school].id, reasons, summary: summarise(reasons) });
  });
  return out;
}

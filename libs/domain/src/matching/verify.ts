import { overlaps, type MatchingInstance } from './instance';
import { employerMonthRemaining, pairRuleFailures, yearGroupKey, type RuleContext } from './rules';

/**
 * An independent check of a set of proposals against every hard constraint, written from the
 * rules rather than from the solver's constraint lists, so a solver bug cannot hide itself. Used
 * by the tests, by the benchmark (on every solver's answer), and before proposals are persisted.
 */

export interface Assignment {
  readonly request: number;
  readonly session: number;
}

export interface Violation {
  readonly rule: string;
  readonly detail: string;
}

export function findViolations(ctx: RuleContext, assignments: readonly Assignment[]): Violation[] {
  const { instance } = ctx;
  const out: Violation[] = [];
  const requestUsed = new Map<number, number>();
  const sessionUsed = new Map<number, number>();
  const offerCount = new Map<number, number>();
  const employerMonth = new Map<string, number>();
  for (const { request, session } of assignments) {
    const r = instance.requests[request];
    const s = instance.sessions[session];
    for (const rule of pairRuleFailures(ctx, r, session)) out.push({ rule, detail: `${r.id} → ${s.id}` });
    if (requestUsed.has(request)) out.push({ rule: 'request_once', detail: `${r.id} is proposed twice` });
    requestUsed.set(request, session);
    if (sessionUsed.has(session)) out.push({ rule: 'session_once', detail: `${s.id} is proposed twice` });
    sessionUsed.set(session, request);
    offerCount.set(s.offer, (offerCount.get(s.offer) ?? 0) + 1);
    const employer = instance.offers[s.offer].employer;
    const key = `${employer}|${s.month}`;
    employerMonth.set(key, (employerMonth.get(key) ?? 0) + 1);
  }
  for (const [offer, n] of offerCount) {
    if (n > ctx.offerRemaining[offer])
      out.push({ rule: 'offer_sessions', detail: `${instance.offers[offer].id}: ${n} > ${ctx.offerRemaining[offer]} left` });
  }
  for (const [key, n] of employerMonth) {
    const [employer, month] = [Number(key.split('|')[0]), key.split('|')[1]];
    const left = employerMonthRemaining(ctx, employer, month);
    if (n > left) out.push({ rule: 'employer_month', detail: `${instance.employers[employer].id} ${month}: ${n} > ${left} left` });
  }
  const push = <K>(map: Map<K, Assignment[]>, key: K, a: Assignment) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  const byContact = new Map<number, Assignment[]>();
  const byYearGroup = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const r = instance.requests[a.request];
    const contact = instance.offers[instance.sessions[a.session].offer].contact;
    push(byContact, contact, a);
    const key = yearGroupKey(r.school, r.yearGroup);
    push(byYearGroup, key, a);
  }
  const sweep = (groups: Map<unknown, Assignment[]>, rule: string) => {
    for (const group of groups.values()) {
      const sorted = [...group].sort((x, y) => instance.sessions[x.session].start - instance.sessions[y.session].start);
      let longest: Assignment | null = null; // the earlier assignment reaching furthest in time
      for (const a of sorted) {
        const s = instance.sessions[a.session];
        if (longest && overlaps(instance.sessions[longest.session], s))
          out.push({ rule, detail: `${instance.requests[longest.request].id} and ${instance.requests[a.request].id}` });
        if (!longest || s.end > instance.sessions[longest.session].end) longest = a;
      }
    }
  };
  sweep(byContact, 'contact_overlap');
  sweep(byYearGroup, 'year_group_overlap');
  return out;
}

/** Assignments from a matching instance's ids (e.g. proposals read back before they are persisted). */
export function assignmentsByIds(instance: MatchingInstance, pairs: readonly { requestId: string; sessionId: string }[]): Assignment[] {
  const requests = new Map(instance.requests.map((r, i) => [r.id, i]));
  const sessions = new Map(instance.sessions.map((s, i) => [s.id, i]));
  return pairs
    .map((p) => ({ request: requests.get(p.requestId) ?? -1, session: sessions.get(p.sessionId) ?? -1 }))
    .filter((a) => a.request >= 0 && a.session >= 0);
}

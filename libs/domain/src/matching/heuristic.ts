import type { MatchingProgress } from './model';
import { objectiveOf, type MatchingProblem } from './problem';
import { Repairer } from './repair';

/**
 * The answer when there is no exact solve (HiGHS did not load, or gave no LP answer): greedy by
 * worth, then local repair. Fast, every rule kept, but not proven optimal: the caller reports it as
 * unproven, with the simple bound below.
 *
 * Local repair: for each pair not chosen, most points first, take it in if that pays — dropping
 * whatever it clashes with (the same request's or session's pair, and, for each constraint already
 * full, that constraint's least worth chosen pair) — when its points beat what is dropped, fairness
 * penalties counted. After each sweep the freed places are filled greedily again. Sweeps stop when
 * one improves nothing, after MAX_SWEEPS, or when the work (pairs looked at) passes `maxWork`.
 */

const MAX_SWEEPS = 5;

export interface HeuristicOutcome {
  readonly chosen: Int32Array;
  readonly objective: number;
  /** A true upper bound: every request and every session takes at most its best pair. */
  readonly bound: number;
  /** Pairs looked at (deterministic). */
  readonly work: number;
}

/** Σ over requests of their best pair's points, or the same over sessions, whichever is less. */
function simpleBound(problem: MatchingProblem): number {
  const { pairCount, pairRequest, pairSession, pairPoints, instance } = problem;
  const byRequest = new Int32Array(instance.requests.length);
  const bySession = new Int32Array(instance.sessions.length);
  for (let p = 0; p < pairCount; p++) {
    byRequest[pairRequest[p]] = Math.max(byRequest[pairRequest[p]], pairPoints[p]);
    bySession[pairSession[p]] = Math.max(bySession[pairSession[p]], pairPoints[p]);
  }
  const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0);
  return Math.min(sum(byRequest), sum(bySession));
}

export function solveHeuristically(
  problem: MatchingProblem,
  maxWork: number,
  onProgress?: (progress: MatchingProgress) => void,
): HeuristicOutcome {
  const repairer = new Repairer(problem);
  const bound = simpleBound(problem);
  let chosen = repairer.repair([]);
  let objective = objectiveOf(problem, chosen);
  let work = problem.pairCount;
  const report = (share: number) => onProgress?.({ work, maxWork, objective, bound, share });
  report(0.5);
  for (let sweep = 0; sweep < MAX_SWEEPS && work <= maxWork && objective < bound; sweep++) {
    const state = new LocalState(problem, repairer, chosen);
    work += state.sweep(maxWork - work);
    const next = repairer.repair(state.pairs());
    const value = objectiveOf(problem, next);
    const improved = value > objective;
    if (improved) {
      chosen = next;
      objective = value;
    }
    report(0.5 + (0.5 * (sweep + 1)) / MAX_SWEEPS);
    if (!improved) break;
  }
  return { chosen: Int32Array.from(chosen).sort(), objective, bound: Math.max(bound, objective), work };
}

/** A feasible assignment being improved by single-pair exchanges. */
class LocalState {
  private readonly inSet: Uint8Array;
  private readonly requestPair: Int32Array;
  private readonly sessionPair: Int32Array;
  private readonly usage: Int32Array;
  private readonly perSchool: Int32Array;

  constructor(
    private readonly problem: MatchingProblem,
    private readonly repairer: Repairer,
    chosen: readonly number[],
  ) {
    const { pairCount, instance, constraints } = problem;
    this.inSet = new Uint8Array(pairCount);
    this.requestPair = new Int32Array(instance.requests.length).fill(-1);
    this.sessionPair = new Int32Array(instance.sessions.length).fill(-1);
    this.usage = new Int32Array(constraints.length);
    this.perSchool = new Int32Array(instance.schools.length);
    for (const p of chosen) this.set(p, 1);
  }

  pairs(): number[] {
    const out: number[] = [];
    this.inSet.forEach((v, p) => v && out.push(p));
    return out;
  }

  private schoolOf(p: number): number {
    return this.problem.instance.requests[this.problem.pairRequest[p]].school;
  }

  private set(p: number, sign: 1 | -1): void {
    const { memberStart, memberList } = this.repairer;
    this.inSet[p] = sign > 0 ? 1 : 0;
    this.requestPair[this.problem.pairRequest[p]] = sign > 0 ? p : -1;
    this.sessionPair[this.problem.pairSession[p]] = sign > 0 ? p : -1;
    this.perSchool[this.schoolOf(p)] += sign;
    for (let i = memberStart[p]; i < memberStart[p + 1]; i++) this.usage[memberList[i]] += sign;
  }

  /** One pass of exchanges over the pairs not chosen; returns the work done. */
  sweep(budget: number): number {
    const { problem, repairer } = this;
    const { pairPoints, constraints } = problem;
    let work = 0;
    for (const p of repairer.byWorth) {
      if (work > budget) break;
      work++;
      if (this.inSet[p]) continue;
      const out = new Set<number>();
      const request = this.requestPair[problem.pairRequest[p]];
      const session = this.sessionPair[problem.pairSession[p]];
      if (request >= 0) out.add(request);
      if (session >= 0) out.add(session);
      let possible = true;
      for (let i = repairer.memberStart[p]; i < repairer.memberStart[p + 1] && possible; i++) {
        const k = repairer.memberList[i];
        const c = constraints[k];
        let left = this.usage[k];
        for (const q of out) if (this.inConstraint(q, k)) left--;
        if (left < c.bound) continue;
        // full: drop its least worth chosen pair (none to drop: p cannot come in)
        let drop = -1;
        for (const q of c.pairs) {
          work++;
          if (this.inSet[q] && !out.has(q) && (drop < 0 || pairPoints[q] < pairPoints[drop])) drop = q;
        }
        if (drop < 0) possible = false;
        else out.add(drop);
      }
      if (!possible || this.gain(p, out) <= 0) continue;
      for (const q of out) this.set(q, -1);
      this.set(p, 1);
    }
    return work;
  }

  private inConstraint(q: number, k: number): boolean {
    const { memberStart, memberList } = this.repairer;
    for (let i = memberStart[q]; i < memberStart[q + 1]; i++) if (memberList[i] === k) return true;
    return false;
  }

  /** Change in the objective from taking p in and `out` out (fairness penalties counted). */
  private gain(p: number, out: ReadonlySet<number>): number {
    const { pairPoints, fairness } = this.problem;
    let gain = pairPoints[p];
    const change = new Map<number, number>([[this.schoolOf(p), 1]]);
    for (const q of out) {
      gain -= pairPoints[q];
      change.set(this.schoolOf(q), (change.get(this.schoolOf(q)) ?? 0) - 1);
    }
    for (const [school, delta] of change) {
      const before = this.perSchool[school];
      const after = before + delta;
      // the k-th proposal of a school costs fairness[school][k − 1]
      for (let k = after; k < before; k++) gain += fairness[school][k];
      for (let k = before; k < after; k++) gain -= fairness[school][k];
    }
    return gain;
  }
}

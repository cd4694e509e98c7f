import type { MatchingProblem } from './problem';

/**
 * Feasible assignments from any set of pairs (an LP solution rounded, HiGHS's answer, or nothing):
 * keep what fits — at most one pair per request and per session, the least worth pairs of each
 * broken constraint dropped — then add pairs greedily by worth while every constraint and the
 * fairness term allow. One pass over the pairs. `repair([])` is the plain greedy assignment.
 */
export class Repairer {
  /** The constraints pair p is in: `memberList[memberStart[p] … memberStart[p+1]-1]`. */
  readonly memberStart: Int32Array;
  readonly memberList: Int32Array;
  /** Pairs, most points first (ties: lower index). */
  readonly byWorth: Int32Array;

  constructor(private readonly problem: MatchingProblem) {
    const { pairCount, constraints, pairPoints } = problem;
    const counts = new Int32Array(pairCount + 1);
    for (const c of constraints) for (const p of c.pairs) counts[p + 1]++;
    for (let p = 0; p < pairCount; p++) counts[p + 1] += counts[p];
    this.memberStart = counts.slice();
    this.memberList = new Int32Array(counts[pairCount]);
    constraints.forEach((c, k) => c.pairs.forEach((p) => (this.memberList[counts[p]++] = k)));
    this.byWorth = Int32Array.from({ length: pairCount }, (_, p) => p).sort((a, b) => pairPoints[b] - pairPoints[a] || a - b);
  }

  /** A feasible set of pairs from any set: drop from broken constraints (least worth first), then fill. */
  repair(chosen: readonly number[], allowed: (pair: number) => boolean = () => true): number[] {
    const { problem } = this;
    const usage = new Int32Array(problem.constraints.length);
    const inSet = new Uint8Array(problem.pairCount);
    const add = (p: number, sign: 1 | -1) => {
      inSet[p] = sign > 0 ? 1 : 0;
      for (let i = this.memberStart[p]; i < this.memberStart[p + 1]; i++) usage[this.memberList[i]] += sign;
    };
    // at most one pair per request and per session, the best kept
    const requestTaken = new Uint8Array(problem.instance.requests.length);
    const sessionTaken = new Uint8Array(problem.instance.sessions.length);
    for (const p of [...chosen].sort((a, b) => problem.pairPoints[b] - problem.pairPoints[a] || a - b)) {
      if (requestTaken[problem.pairRequest[p]] || sessionTaken[problem.pairSession[p]]) continue;
      requestTaken[problem.pairRequest[p]] = 1;
      sessionTaken[problem.pairSession[p]] = 1;
      add(p, 1);
    }
    problem.constraints.forEach((c, k) => {
      if (usage[k] <= c.bound) return;
      const members = Array.from(c.pairs).filter((p) => inSet[p]);
      members.sort((a, b) => problem.pairPoints[a] - problem.pairPoints[b] || b - a);
      for (const p of members) {
        if (usage[k] <= c.bound) break;
        add(p, -1);
      }
    });
    return this.fill(inSet, usage, allowed);
  }

  /** Add pairs greedily by worth to a feasible set while every constraint and the fairness term allow. */
  private fill(inSet: Uint8Array, usage: Int32Array, allowed: (pair: number) => boolean): number[] {
    const { problem } = this;
    const { pairRequest, pairSession, pairPoints, instance, fairness } = problem;
    const requestUsed = new Uint8Array(instance.requests.length);
    const sessionUsed = new Uint8Array(instance.sessions.length);
    const perSchool = new Int32Array(instance.schools.length);
    for (let p = 0; p < problem.pairCount; p++) {
      if (!inSet[p]) continue;
      requestUsed[pairRequest[p]] = 1;
      sessionUsed[pairSession[p]] = 1;
      perSchool[instance.requests[pairRequest[p]].school]++;
    }
    for (const p of this.byWorth) {
      if (inSet[p] || requestUsed[pairRequest[p]] || sessionUsed[pairSession[p]] || !allowed(p)) continue;
      const school = instance.requests[pairRequest[p]].school;
      if (pairPoints[p] <= fairness[school][perSchool[school]]) continue;
      let fits = true;
      for (let i = this.memberStart[p]; i < this.memberStart[p + 1] && fits; i++)
        fits = usage[this.memberList[i]] < problem.constraints[this.memberList[i]].bound;
      if (!fits) continue;
      inSet[p] = 1;
      for (let i = this.memberStart[p]; i < this.memberStart[p + 1]; i++) usage[this.memberList[i]]++;
      requestUsed[pairRequest[p]] = 1;
      sessionUsed[pairSession[p]] = 1;
      perSchool[school]++;
    }
    const result: number[] = [];
    for (let p = 0; p < problem.pairCount; p++) if (inSet[p]) result.push(p);
    return result;
  }
}

import type { SideConstraint } from './lagrangian';
import type { MatchingNetwork } from './network';
import type { MatchingProblem } from './problem';

/**
 * Feasible assignments from relaxed ones (the lower-bound side of the solver). Two ways:
 *
 * - `repair`: keep what fits — drop the least worth pairs of each broken constraint, then add pairs
 *   greedily by worth. Cheap (one pass over the pairs), run after every relaxed solution.
 * - `closeAndResolve`: on a copy of the priced network, close the arcs of the units that can most
 *   cheaply leave each broken constraint and re-solve the flow exactly, until nothing is broken;
 *   every freed request and session is re-optimised globally at the Lagrangian prices, so the result
 *   is much closer to the optimum. Dearer (shortest-path searches), run every few root iterations.
 */
export class Repairer {
  private readonly memberStart: Int32Array;
  private readonly memberList: Int32Array;
  private readonly byWorth: Int32Array;

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
      for (let i = this.memberStart[p]; i < this.memberStart[p + 1] && fits; i++) fits = usage[this.memberList[i]] < problem.constraints[this.memberList[i]].bound;
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

/**
 * How far the search for a unit's cheapest way out may go (settled nodes). Beyond it the distance
 * reached is used as an estimate; a bigger limit buys little quality for much more work.
 */
const DETOUR_SEARCH_LIMIT = 300;

/**
 * Close-and-resolve on a copy of the network's current (priced, optimal) flow: while a side
 * constraint is broken, close the arcs of its units that can leave it most cheaply (the cost of the
 * best detour, by a short search) and re-solve exactly. Returns the pairs of the final flow, which
 * keeps every constraint unless `maxRounds` ran out (the caller repairs it either way), and the
 * search work.
 */
export function closeAndResolve(network: MatchingNetwork, side: readonly SideConstraint[], maxRounds = 40): { pairs: number[]; work: number } {
  const flow = network.flow.clone();
  for (let round = 0; round < maxRounds; round++) {
    const close: number[] = [];
    for (const c of side) {
      const units = Array.from(c.arcs).filter((arc) => flow.freeFlow(arc) > 0);
      if (units.length <= c.bound) continue;
      const exits = units.map((arc) => ({ arc, cost: flow.detourCost(arc, DETOUR_SEARCH_LIMIT) }));
      exits.sort((x, y) => x.cost - y.cost || x.arc - y.arc);
      for (let i = 0; i < units.length - c.bound; i++) close.push(exits[i].arc);
    }
    if (close.length === 0) break;
    for (const arc of close.sort((a, b) => a - b)) if (flow.capacity(arc) > 0) flow.setCapacity(arc, 0);
    if (!flow.solve()) break;
  }
  return { pairs: network.chosenPairs(flow), work: flow.work };
}

import { COST_SCALE, type MatchingNetwork } from './network';
import type { MatchingProblem, SetConstraint } from './problem';

/**
 * The side constraints the network cannot express (employer-month limits, which cut across offers;
 * no contact or school year group in two places at once), relaxed with Lagrange multipliers: each
 * multiplier λ_k is added to the cost of the arcs its constraint counts, so the relaxed problem
 * stays a min-cost flow, and −(its cost) − refunds + Σ λ_k·bound_k is an upper bound on the value
 * of every assignment that keeps the constraints (each kept constraint only adds λ_k·slack ≥ 0).
 */

export interface SideConstraint {
  readonly source: SetConstraint;
  /** Network arcs whose flow the constraint counts. */
  readonly arcs: Int32Array;
  readonly bound: number;
}

/** A constraint that no choice of pairs can break is left out (it would only slow the search). */
export function canBind(problem: MatchingProblem, c: SetConstraint): boolean {
  const requests = new Set<number>();
  for (const p of c.pairs) requests.add(problem.pairRequest[p]);
  if (requests.size <= c.bound) return false;
  if (c.sessions !== null) {
    if (c.sessions.length <= c.bound) return false;
    const perOffer = new Map<number, number>();
    for (const s of c.sessions) {
      const o = problem.instance.sessions[s].offer;
      perOffer.set(o, (perOffer.get(o) ?? 0) + 1);
    }
    let most = 0;
    for (const [o, n] of perOffer) most += Math.min(n, Math.max(0, problem.context.offerRemaining[o]));
    return most > c.bound;
  }
  const sessions = new Set<number>();
  for (const p of c.pairs) sessions.add(problem.pairSession[p]);
  return sessions.size > c.bound;
}

/** The problem's constraints outside the network (offers' sessions are its arcs) that can bind. */
export function bindableConstraints(problem: MatchingProblem): SetConstraint[] {
  return problem.constraints.filter((c) => c.kind !== 'offer_sessions' && canBind(problem, c));
}

export function sideConstraintsOf(network: MatchingNetwork): SideConstraint[] {
  return bindableConstraints(network.problem).map((c) => ({ source: c, bound: c.bound, arcs: c.sessions ? Int32Array.from(c.sessions, (s) => network.sessionArc[s]) : Int32Array.from(c.pairs, (p) => network.pairArc[p]) }));
}

/** The multipliers, carried into the network's arc costs, and the moves that keep its flow optimal. */
export class Prices {
  readonly lambda: Float64Array;
  /** Σ λ over the constraints an arc is in, by arc >> 1. */
  private readonly penalty: Float64Array;
  private readonly baseCost: Float64Array;
  private readonly touchedMark: Uint8Array;
  private touched: number[] = [];
  /** By arc >> 1, the side constraints counting that arc: `sidesOf[sidesStart[i] … sidesStart[i+1]-1]`. */
  private readonly sidesStart: Int32Array;
  private readonly sidesOf: Int32Array;

  constructor(
    private readonly network: MatchingNetwork,
    readonly side: readonly SideConstraint[],
  ) {
    const flow = network.flow;
    this.lambda = new Float64Array(side.length);
    this.penalty = new Float64Array(flow.arcCount);
    this.baseCost = Float64Array.from({ length: flow.arcCount }, (_, i) => flow.arcCost(2 * i));
    this.touchedMark = new Uint8Array(flow.arcCount);
    this.sidesStart = new Int32Array(flow.arcCount + 1);
    for (const c of side) for (const arc of c.arcs) this.sidesStart[(arc >> 1) + 1]++;
    for (let i = 0; i < flow.arcCount; i++) this.sidesStart[i + 1] += this.sidesStart[i];
    this.sidesOf = new Int32Array(this.sidesStart[flow.arcCount]);
    const next = this.sidesStart.slice(0, flow.arcCount);
    side.forEach((c, k) => c.arcs.forEach((arc) => (this.sidesOf[next[arc >> 1]++] = k)));
  }

  /** Set λ_k (in 1/COST_SCALE points, an integer, so costs stay exact); the arcs it changes are settled by `settle()`. */
  set(k: number, value: number): void {
    const delta = value - this.lambda[k];
    if (delta === 0) return;
    this.lambda[k] = value;
    const flow = this.network.flow;
    for (const arc of this.side[k].arcs) {
      const i = arc >> 1;
      this.penalty[i] += delta;
      flow.setCost(arc, this.baseCost[i] + this.penalty[i], false);
      if (this.touchedMark[i] === 0) {
        this.touchedMark[i] = 1;
        this.touched.push(arc);
      }
    }
  }

  /** Σ λ_k·bound_k: what the relaxation adds back to the flow's value. */
  priced(): number {
    let total = 0;
    for (let k = 0; k < this.side.length; k++) if (this.lambda[k] !== 0) total += this.lambda[k] * this.side[k].bound;
    return total;
  }

  /** The Lagrangian value of the network's current (optimal) flow, in points: an upper bound. */
  value(): number {
    return (-this.network.flow.totalCost() - this.network.refundTotal + this.priced()) / COST_SCALE;
  }

  /**
   * How many units each side constraint counts in the current flow, whose chosen pairs are `chosen`:
   * side constraints count pair arcs or session arcs, and a session arc carries exactly the units of
   * the pairs into its session, so walking the chosen pairs is enough (not every constraint's arcs).
   */
  usage(chosen: readonly number[]): Int32Array {
    const { network, sidesStart, sidesOf } = this;
    const out = new Int32Array(this.side.length);
    const count = (arc: number) => {
      for (let i = sidesStart[arc >> 1]; i < sidesStart[(arc >> 1) + 1]; i++) out[sidesOf[i]]++;
    };
    for (const p of chosen) {
      count(network.pairArc[p]);
      count(network.sessionArc[network.problem.pairSession[p]]);
    }
    return out;
  }

  /**
   * After prices changed, restore the optimality conditions around the changed arcs and re-solve.
   * A request whose path got dearer keeps it when every other way out of it is dearer still (its
   * potentials shift along the path, no search); otherwise its unit is taken back and routed again.
   */
  settle(): boolean {
    const { network } = this;
    const flow = network.flow;
    const arcs = this.touched.sort((a, b) => a - b);
    this.touched = [];
    for (const arc of arcs) {
      this.touchedMark[arc >> 1] = 0;
      const rc = flow.reducedCost(arc);
      const used = flow.freeFlow(arc) > 0;
      const open = flow.residualCapacity(arc) > 0;
      const tail = flow.headOf(arc ^ 1);
      if (network.pairOfArc[arc >> 1] >= 0) {
        if (used && rc > 0) {
          if (!this.absorb(tail, [tail], rc)) network.unroute(tail);
        } else if (!used && open && rc < 0) network.unroute(tail);
        continue;
      }
      if (used && rc > 0) {
        const user = network.userOf(tail);
        if (user < 0) flow.markDirty(arc);
        else if (!this.absorb(user, [tail, user], rc)) network.unroute(user);
      } else if (!used && open && rc < 0) {
        flow.raisePotential(tail, -rc);
        for (const a of flow.arcsAt(tail)) {
          const into = a ^ 1;
          if ((a & 1) === 1 && flow.residualCapacity(into) > 0 && flow.reducedCost(into) < 0) network.unroute(flow.headOf(a));
        }
      }
    }
    return flow.solve();
  }

  /**
   * Keep a request on its path when its price rose by `rise`: lower the potentials of the path's
   * nodes by `rise` if no other residual arc out of the request gets a negative reduced cost.
   */
  private absorb(request: number, path: readonly number[], rise: number): boolean {
    const flow = this.network.flow;
    const onPath = path[0];
    for (const a of flow.arcsAt(request)) {
      if (flow.residualCapacity(a) <= 0 || flow.headOf(a) === onPath) continue;
      if (flow.reducedCost(a) < rise) return false;
    }
    for (const node of path) flow.raisePotential(node, -rise);
    return true;
  }
}

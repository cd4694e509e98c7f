import { MinCostFlow } from './min-cost-flow';
import type { MatchingProblem } from './problem';

/**
 * The network part of a matching problem as a min-cost flow (integral by construction):
 *
 *   request ──(−points)──▶ session ──▶ offer ──(cap: sessions left)──▶ T
 *      └──(0)──▶ school "unmatched" node ══(−refund k, parallel arcs)══▶ T
 *
 * Every request sends one unit: to a session (a proposal) or to its school's "unmatched" node. The
 * fairness penalty of a school's k-th proposal, p_k, grows with k, so a school with n requests of
 * which m are matched pays Σ_{k≤m} p_k = Σ_{k≤n} p_k − Σ_{k>m} p_k: each unmatched request earns a
 * refund, the largest first — a convex cost on the school node, hence still a min-cost flow.
 *
 * Besides the flow, it keeps the maps between arcs and pairs or sessions (typed arrays indexed by
 * arc pair, arc >> 1) and the moves the solver makes on a flow: taking a request's unit back.
 */
/**
 * Arc costs are points × COST_SCALE, so Lagrange multipliers can move in 1/COST_SCALE points while
 * every cost stays an exact integer: a finer bound, which matters because objectives are whole points
 * and a bound below z + 1 already proves nothing beats z.
 */
export const COST_SCALE = 16;

export class MatchingNetwork {
  readonly flow = new MinCostFlow();
  readonly sink: number;
  readonly requestNode: Int32Array;
  readonly sessionNode: Int32Array;
  readonly pairArc: Int32Array;
  /** Session → offer arc of each session with candidates, else -1. */
  readonly sessionArc: Int32Array;
  /** By arc >> 1: the pair a request → session arc carries, else -1. */
  readonly pairOfArc: Int32Array;
  /** By arc >> 1: the session of a session → offer arc, else -1. */
  readonly sessionOfArc: Int32Array;
  /** Σ of all fairness penalties × COST_SCALE: value × COST_SCALE = −(flow cost) − refundTotal. */
  readonly refundTotal: number;

  constructor(readonly problem: MatchingProblem) {
    const { instance, pairCount, pairRequest, pairSession, pairPoints, pairsStart } = problem;
    const flow = this.flow;
    this.sink = flow.addNode();
    const requestNode = new Int32Array(instance.requests.length).fill(-1);
    const schoolNode = new Int32Array(instance.schools.length).fill(-1);
    const sessionNode = new Int32Array(instance.sessions.length).fill(-1);
    const offerNode = new Int32Array(instance.offers.length).fill(-1);
    const schoolRequests = new Int32Array(instance.schools.length);
    for (let r = 0; r < instance.requests.length; r++) {
      if (pairsStart[r + 1] === pairsStart[r]) continue;
      requestNode[r] = flow.addNode();
      const school = instance.requests[r].school;
      if (schoolNode[school] < 0) schoolNode[school] = flow.addNode();
      schoolRequests[school]++;
    }
    for (let p = 0; p < pairCount; p++) {
      const s = pairSession[p];
      if (sessionNode[s] < 0) sessionNode[s] = flow.addNode();
      const o = instance.sessions[s].offer;
      if (offerNode[o] < 0) offerNode[o] = flow.addNode();
    }
    // Arcs in topological order (requests, sessions, offers and schools, sink) for the first potentials.
    this.pairArc = new Int32Array(pairCount);
    for (let p = 0; p < pairCount; p++) this.pairArc[p] = flow.addArc(requestNode[pairRequest[p]], sessionNode[pairSession[p]], 1, -pairPoints[p] * COST_SCALE);
    for (let r = 0; r < instance.requests.length; r++) {
      if (requestNode[r] < 0) continue;
      flow.addArc(requestNode[r], schoolNode[instance.requests[r].school], 1, 0);
      flow.setSupply(requestNode[r], 1);
    }
    this.sessionArc = new Int32Array(instance.sessions.length).fill(-1);
    for (let s = 0; s < instance.sessions.length; s++) {
      if (sessionNode[s] >= 0) this.sessionArc[s] = flow.addArc(sessionNode[s], offerNode[instance.sessions[s].offer], 1, 0);
    }
    for (let o = 0; o < instance.offers.length; o++) {
      if (offerNode[o] >= 0) flow.addArc(offerNode[o], this.sink, Math.max(0, problem.context.offerRemaining[o]), 0);
    }
    let refundTotal = 0;
    let units = 0;
    for (let school = 0; school < instance.schools.length; school++) {
      const n = schoolRequests[school];
      if (n === 0) continue;
      units += n;
      // refunds p_n ≥ … ≥ p_1, equal ones merged into one arc
      for (let k = n; k >= 1; ) {
        const refund = problem.fairness[school][k - 1];
        let j = k;
        while (j >= 1 && problem.fairness[school][j - 1] === refund) j--;
        flow.addArc(schoolNode[school], this.sink, k - j, -refund * COST_SCALE);
        refundTotal += refund * COST_SCALE * (k - j);
        k = j;
      }
    }
    flow.setSupply(this.sink, -units);
    flow.freeze();
    this.refundTotal = refundTotal;
    this.requestNode = requestNode;
    this.sessionNode = sessionNode;
    this.pairOfArc = new Int32Array(flow.arcCount).fill(-1);
    this.sessionOfArc = new Int32Array(flow.arcCount).fill(-1);
    for (let p = 0; p < pairCount; p++) this.pairOfArc[this.pairArc[p] >> 1] = p;
    this.sessionArc.forEach((arc, s) => {
      if (arc >= 0) this.sessionOfArc[arc >> 1] = s;
    });
  }

  /** Chosen pair indexes (ascending). */
  chosenPairs(flow: MinCostFlow = this.flow): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.problem.pairCount; p++) if (flow.flow(this.pairArc[p]) > 0) out.push(p);
    return out;
  }

  /** The request node whose free flow enters a session node, or -1. */
  userOf(sessionNode: number, flow: MinCostFlow = this.flow): number {
    for (const a of flow.arcsAt(sessionNode)) if ((a & 1) === 1 && flow.freeFlow(a ^ 1) > 0) return flow.headOf(a);
    return -1;
  }

  /**
   * Take a request's unit back along its whole path (request → session → offer → sink, or
   * request → school → sink), so the imbalance sits at the request and the sink rather than in the
   * middle of the network, where re-routing would search most of it. Freed arcs are re-checked.
   */
  unroute(requestNode: number, flow: MinCostFlow = this.flow): void {
    let first = -1;
    for (const a of flow.arcsAt(requestNode)) if ((a & 1) === 0 && flow.freeFlow(a) > 0) first = a;
    if (first >= 0) {
      flow.pushBack(first, 1);
      let node = flow.headOf(first);
      while (node !== this.sink) {
        let next = -1;
        for (const a of flow.arcsAt(node)) {
          // the unit leaves by a forward arc with free flow; among the school's refund arcs, the smallest refund
          if ((a & 1) === 0 && flow.freeFlow(a) > 0 && (next < 0 || flow.arcCost(a) >= flow.arcCost(next))) next = a;
        }
        if (next < 0) break; // the unit went on as a fixed one: leave the deficit here for solve()
        flow.pushBack(next, 1);
        flow.markDirty(next);
        node = flow.headOf(next);
      }
    }
    flow.raisePotentialToCover(requestNode);
  }
}

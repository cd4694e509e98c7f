import type { MatchingProblem } from './problem';

/**
 * Clique cuts across the problem's kinds of conflict, found as the solver goes (relax-and-cut).
 *
 * Two pairs conflict when they share a request, a session, or a constraint that allows one unit (a
 * contact or a school year group in two places at once, an offer's last session, an employer's last
 * request of the month). The problem states each conflict within one kind, but pairs can conflict
 * pairwise through different kinds: one request's pair and every pair of another request of the same
 * year group overlapping it; one session's pairs and another request's pairs into sessions the same
 * contact runs at the same time. At most one pair of such a set can be chosen, yet the relaxation
 * may take half of each (each constraint it knows allows that), and its bound stays above the
 * optimum however the multipliers are set. The set as one constraint, Σ x ≤ 1, closes that.
 *
 * Cuts come from the LP relaxation's solution (lp-relaxation.ts): from each fractional pair, a
 * clique grown over the pairs carrying x, largest first; kept when its x sum above one, then made
 * maximal over every pair that conflicts with all of it.
 */
/** Tolerance on LP values. */
const EPSILON = 1e-6;

export class CliqueSeparator {
  /** By pair: the ids of its one-unit groups (request r, then session s as R + s, then constraint k as R + S + k), ascending. */
  private readonly groupsStart: Int32Array;
  private readonly groups: Int32Array;
  private readonly seen = new Set<string>();
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(private readonly problem: MatchingProblem) {
    const { pairCount, pairRequest, pairSession, constraints, instance } = problem;
    const R = instance.requests.length;
    const S = instance.sessions.length;
    const count = new Int32Array(pairCount + 1);
    for (let p = 0; p < pairCount; p++) count[p + 1] = 2;
    constraints.forEach((c) => {
      if (c.bound === 1) for (const p of c.pairs) count[p + 1]++;
    });
    for (let p = 0; p < pairCount; p++) count[p + 1] += count[p];
    this.groupsStart = count.slice();
    this.groups = new Int32Array(count[pairCount]);
    const next = count.slice(0, pairCount);
    for (let p = 0; p < pairCount; p++) {
      this.groups[next[p]++] = pairRequest[p];
      this.groups[next[p]++] = R + pairSession[p];
    }
    // constraints in index order, so each pair's list stays ascending
    constraints.forEach((c, k) => {
      if (c.bound === 1) for (const p of c.pairs) this.groups[next[p]++] = R + S + k;
    });
    this.mark = new Int32Array(pairCount);
  }

  /** Whether two pairs share a one-unit group. */
  conflict(p: number, q: number): boolean {
    const { groups, groupsStart } = this;
    let i = groupsStart[p];
    let j = groupsStart[q];
    const iEnd = groupsStart[p + 1];
    const jEnd = groupsStart[q + 1];
    while (i < iEnd && j < jEnd) {
      if (groups[i] === groups[j]) return true;
      if (groups[i] < groups[j]) i++;
      else j++;
    }
    return false;
  }

  /** The pairs of one group. */
  private membersOf(group: number): ArrayLike<number> {
    const { pairsStart, pairsOfSession, constraints, instance } = this.problem;
    const R = instance.requests.length;
    const S = instance.sessions.length;
    if (group < R) return Int32Array.from({ length: pairsStart[group + 1] - pairsStart[group] }, (_, i) => pairsStart[group] + i);
    if (group < R + S) return pairsOfSession[group - R];
    return constraints[group - R - S].pairs;
  }

  /**
   * Cliques that a fractional solution breaks (Σ x > 1): from each fractional pair, the largest x
   * first, grown over the pairs it conflicts with that carry some x, then made maximal over all of
   * them. At most `limit`.
   */
  violatedBy(x: Float64Array, limit: number): Int32Array[] {
    const out: Int32Array[] = [];
    const fractional: number[] = [];
    for (let p = 0; p < x.length; p++) if (x[p] > EPSILON && x[p] < 1 - EPSILON) fractional.push(p);
    fractional.sort((a, b) => x[b] - x[a] || a - b);
    for (const p of fractional) {
      if (out.length >= limit) break;
      const all = this.neighbours([p]);
      const carrying = all.filter((q) => x[q] > EPSILON).sort((a, b) => x[b] - x[a] || a - b);
      const core = this.extend([p], carrying);
      if (core.reduce((sum, q) => sum + x[q], 0) <= 1 + EPSILON) continue;
      const clique = this.accept(
        this.extend(
          core,
          all.sort((a, b) => a - b),
        ),
      );
      if (clique !== null) out.push(clique);
    }
    return out;
  }

  /** Every pair sharing a group with one of `seeds` (the seeds left out), each once. */
  private neighbours(seeds: readonly number[]): number[] {
    const stamp = ++this.stamp;
    for (const s of seeds) this.mark[s] = stamp;
    const out: number[] = [];
    for (const seed of seeds) {
      for (let i = this.groupsStart[seed]; i < this.groupsStart[seed + 1]; i++) {
        const members = this.membersOf(this.groups[i]);
        for (let j = 0; j < members.length; j++) {
          const r = members[j];
          if (this.mark[r] === stamp) continue;
          this.mark[r] = stamp;
          out.push(r);
        }
      }
    }
    return out;
  }

  /** `clique` plus each candidate, in order, that conflicts with every member so far. */
  private extend(clique: readonly number[], candidates: readonly number[]): number[] {
    const out = [...clique];
    for (const r of candidates) if (!out.includes(r) && out.every((c) => this.conflict(c, r))) out.push(r);
    return out;
  }

  /** The clique, sorted, unless the problem states it already or it was found before. */
  private accept(clique: number[]): Int32Array | null {
    clique.sort((a, b) => a - b);
    if (this.withinOneGroup(clique)) return null;
    const key = clique.join(',');
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    return Int32Array.from(clique);
  }

  /** Whether one group holds every pair of the clique (then it is no new constraint). */
  private withinOneGroup(clique: readonly number[]): boolean {
    const [first, ...rest] = clique;
    for (let i = this.groupsStart[first]; i < this.groupsStart[first + 1]; i++) {
      const g = this.groups[i];
      if (rest.every((r) => this.hasGroup(r, g))) return true;
    }
    return false;
  }

  private hasGroup(pair: number, group: number): boolean {
    for (let i = this.groupsStart[pair]; i < this.groupsStart[pair + 1]; i++) if (this.groups[i] === group) return true;
    return false;
  }
}

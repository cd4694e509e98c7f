import { bindableConstraints } from './bindable';
import { CliqueSeparator } from './cliques';
import { solveHeuristically } from './heuristic';
import { LpRelaxation, type LinearSolver, type LpSolution } from './lp-relaxation';
import type { MatchingProgress, ProvenBy, Unproven } from './model';
import { objectiveOf, type MatchingProblem, type SetConstraint } from './problem';
import { Repairer } from './repair';
import { zeroHalfCuts } from './zero-half';

/**
 * The exact solver: with HiGHS (`SolverOptions.linearSolver`; the worker's solver thread loads one),
 * the LP relaxation with clique and {0,½} cuts for the bound, a short LP dive for the incumbent, and
 * HiGHS's branch-and-cut over the pairs the root leaves open to finish (see solveWithLp). On every
 * generated hub measured (`npm run bench:matching-closure`) the root or the branch-and-cut proves
 * the answer optimal.
 *
 * Without HiGHS (it failed to load, or gave no LP answer) there is no exact solve: a fast greedy
 * with local repair (`heuristic.ts`) answers, every rule kept, reported as unproven with a simple
 * bound and the reason (`SolverOutcome.unproven`).
 *
 * Every limit is deterministic by default (branch nodes; search work for the heuristic); a
 * wall-clock limit exists but makes the answer depend on the machine.
 */

export interface SolverOptions {
  readonly maxBranchNodes: number;
  /** A loaded HiGHS runtime: the exact solve. Without it, the heuristic (unproven). */
  readonly linearSolver?: LinearSolver;
  /**
   * Rounds of cuts on the LP root (default LP_CUT_ROUNDS). Tests set 0 to check that the dive and
   * HiGHS's branch-and-cut find and prove optima on their own.
   */
  readonly cutRounds?: number;
  /** Search work (pairs looked at by the heuristic) after which it stops improving. */
  readonly maxWork?: number;
  readonly timeLimitMs?: number;
  /** Observes the solve (see MatchingOptions.onProgress); never changes it. */
  readonly onProgress?: (progress: MatchingProgress) => void;
}

export interface SolverOutcome {
  /** Chosen pair indexes, ascending. */
  readonly chosen: Int32Array;
  readonly objective: number;
  readonly bound: number;
  readonly optimal: boolean;
  readonly sideConstraints: number;
  /** Cuts added to the LP relaxation (cliques.ts, zero-half.ts). */
  readonly cuts: number;
  readonly branchNodes: number;
  /** Pairs looked at by the heuristic (0 on the exact path). */
  readonly work: number;
  readonly method: 'lp' | 'heuristic';
  /** Why the answer is not proven optimal; null when it is. */
  readonly unproven: Unproven | null;
  /** Which stage proved the answer optimal (null: not proven). */
  readonly provenBy: ProvenBy | null;
}

/** Rounds of cuts on the LP root, and cuts of each kind a round at most. */
const LP_CUT_ROUNDS = 8;
const LP_CUTS_PER_ROUND = 200;
/** Tolerance on LP values. */
const EPSILON = 1e-6;
/**
 * Added to every LP value used as a bound: HiGHS solves in floating point, to tolerances of about
 * 1e-7 per unit, which over thousands of units stays far below this (objectives are whole points).
 */
const LP_TOLERANCE = 0.01;
/** Nodes of the LP dive that finds the incumbent HiGHS's branch-and-cut starts from. */
const DIVE_NODES = 15;
class ExactSolver {
  /** The constraints beyond one pair per request and per session that can bind: the LP's extra rows. */
  private readonly bindable: readonly SetConstraint[];
  private readonly cliques: CliqueSeparator;
  private cuts = 0;
  private readonly repairer: Repairer;
  private incumbent: Int32Array = new Int32Array(0);
  private incumbentValue = 0;
  branchNodes = 0;
  private provenBy: ProvenBy | null = null;

  constructor(
    private readonly problem: MatchingProblem,
    private readonly options: SolverOptions,
    private readonly startedAt: number,
  ) {
    this.bindable = bindableConstraints(problem);
    this.repairer = new Repairer(problem);
    this.cliques = new CliqueSeparator(problem);
  }

  private bestBound = Infinity;

  /** Tell the observer the stage reached (`stage`, its share of the solve) and the best so far. */
  private report(bound: number, stage: number): void {
    this.bestBound = Math.min(this.bestBound, bound);
    this.options.onProgress?.({ work: 0, maxWork: this.options.maxWork ?? 0, objective: this.incumbentValue, bound: this.bestBound, share: stage });
  }

  private outOfTime(): boolean {
    return this.options.timeLimitMs !== undefined && performance.now() - this.startedAt > this.options.timeLimitMs;
  }

  /** A feasible set of pairs: keep it when it beats the best so far (ties keep the first found). */
  private offer(pairs: readonly number[]): void {
    const value = objectiveOf(this.problem, pairs);
    if (value > this.incumbentValue) {
      this.incumbentValue = value;
      this.incumbent = Int32Array.from(pairs);
    }
  }

  /** Objectives are whole points: a bound below z + 1 proves that nothing beats the incumbent z. */
  private proves(bound: number): boolean {
    return bound < this.incumbentValue + 1;
  }

  /**
   * The exact solve when HiGHS is at hand. The LP relaxation (lp-relaxation.ts) gives the bound at
   * once; the clique cuts (cliques.ts) and {0,½}-cuts (zero-half.ts) its solution breaks are added
   * and it is solved again, up to LP_CUT_ROUNDS rounds (on every generated hub measured this closes
   * the gap at the root, and rounding the LP's solution gives the optimum). If that does not prove the best
   * rounded solution optimal, a short depth-first dive on the LP finds a near-optimal incumbent, and
   * HiGHS's branch-and-cut finishes on the pairs the root leaves open: every pair whose LP reduced
   * cost exceeds the bound's lead over the incumbent is out of any better assignment.
   * Returns the best bound left open (−Infinity when proven), or null when HiGHS gives no LP optimum
   * at the root (the heuristic answers).
   */
  private solveWithLp(linearSolver: LinearSolver): number | null {
    const lp = new LpRelaxation(
      linearSolver,
      this.problem,
      this.bindable.map((c) => ({ pairs: c.pairs, bound: c.bound })),
    );
    try {
      const root = this.lpRoot(lp);
      if (root === null) return null;
      const rootBound = root.value + LP_TOLERANCE;
      if (this.proves(rootBound)) return this.provenAt('root');
      if (this.proves(this.dive(lp, root))) return this.provenAt('dive');
      const open = this.mipFinish(lp, root);
      return open === -Infinity ? this.provenAt('branch-and-cut') : open;
    } finally {
      lp.dispose();
    }
  }

  /** The LP root and its rounds of cuts; null when HiGHS reports no optimum. */
  private lpRoot(lp: LpRelaxation): LpSolution | null {
    for (let round = 0; ; round++) {
      const solved = this.solveLp(lp);
      if (solved.status !== 'optimal') return null;
      const { solution } = solved;
      this.offerRounded(solution);
      this.report(solution.value + LP_TOLERANCE, round === 0 ? 0.4 : 0.5);
      if (round === (this.options.cutRounds ?? LP_CUT_ROUNDS) || this.proves(solution.value + LP_TOLERANCE)) return solution;
      const cliques = this.cliques.violatedBy(solution.x, LP_CUTS_PER_ROUND);
      // an odd ring of three is a clique too: keep one copy
      const cliqueKeys = new Set(cliques.map((pairs) => pairs.join(',')));
      const zeroHalf = zeroHalfCuts(lp.pairRows, solution.pairRowActivity, solution.x, LP_CUTS_PER_ROUND).filter(
        (cut) => !(cut.bound === 1 && cut.coefficients.every((c) => c === 1) && cliqueKeys.has(cut.pairs.join(','))),
      );
      if (cliques.length + zeroHalf.length === 0) return solution;
      lp.addRows([...cliques.map((pairs) => ({ pairs, bound: 1 })), ...zeroHalf]);
      this.cuts += cliques.length + zeroHalf.length;
    }
  }

  private provenAt(stage: ProvenBy): number {
    this.provenBy = stage;
    return -Infinity;
  }

  /** HiGHS gets what is left of `timeLimitMs`, when one is set. */
  private limitLpTime(lp: LpRelaxation): void {
    const { timeLimitMs } = this.options;
    if (timeLimitMs !== undefined) lp.setTimeLimit(Math.max(0.001, (timeLimitMs - (performance.now() - this.startedAt)) / 1000));
  }

  private solveLp(lp: LpRelaxation): ReturnType<LpRelaxation['solve']> {
    this.limitLpTime(lp);
    return lp.solve();
  }

  /**
   * An assignment from an LP solution: its pairs at one half or more, repaired. An integral LP
   * solution keeps every rule already (all are rows of the LP or implied by them); repairing it
   * anyway costs one pass and means a floating-point slip in HiGHS can never hand over a broken rule.
   */
  private offerRounded({ x }: LpSolution): void {
    const half: number[] = [];
    x.forEach((v, p) => {
      if (v >= 0.5 - EPSILON) half.push(p);
    });
    this.offer(this.repairer.repair(half));
  }

  /**
   * Depth-first branch-and-bound on the LP for DIVE_NODES nodes: on the most fractional pair, x = 1
   * first, every node re-solved from the last basis and rounded into an assignment. Returns the best
   * bound among the nodes left open (−Infinity when none is).
   */
  private dive(lp: LpRelaxation, root: LpSolution): number {
    type PairFixing = { readonly pair: number; readonly value: 0 | 1 };
    const stack: { fixings: PairFixing[]; bound: number }[] = [];
    let open = -Infinity;
    const split = (fixings: PairFixing[], solution: LpSolution) => {
      const bound = solution.value + LP_TOLERANCE;
      const pair = this.mostFractional(solution.x);
      if (pair < 0) return; // integral: offered already, nothing beats it below this node
      stack.push({ fixings: [...fixings, { pair, value: 0 }], bound }, { fixings: [...fixings, { pair, value: 1 }], bound });
    };
    split([], root);
    let fixed: PairFixing[] = [];
    let nodes = 0;
    while (stack.length > 0 && nodes < DIVE_NODES && this.branchNodes < this.options.maxBranchNodes && !this.outOfTime()) {
      const node = stack[stack.length - 1];
      stack.pop();
      if (this.proves(node.bound)) continue;
      nodes++;
      this.branchNodes++;
      for (const f of fixed) lp.setPairBounds(f.pair, 0, 1);
      for (const f of node.fixings) lp.setPairBounds(f.pair, f.value, f.value);
      fixed = node.fixings;
      const solved = this.solveLp(lp);
      if (solved.status !== 'optimal') {
        // infeasible: nothing below this node; no answer from HiGHS: the parent's bound stands
        if (solved.status === 'unknown') open = Math.max(open, node.bound);
        continue;
      }
      this.offerRounded(solved.solution);
      this.report(Infinity, 0.5 + (0.3 * nodes) / DIVE_NODES);
      if (!this.proves(solved.solution.value + LP_TOLERANCE)) split(node.fixings, solved.solution);
    }
    for (const f of fixed) lp.setPairBounds(f.pair, 0, 1);
    for (const node of stack) if (!this.proves(node.bound)) open = Math.max(open, node.bound);
    return open;
  }

  /** The pair whose x is nearest one half (ties: more points, then the lower index); -1 when x is integral. */
  private mostFractional(x: Float64Array): number {
    const { pairPoints } = this.problem;
    let pick = -1;
    let best = EPSILON;
    for (let p = 0; p < x.length; p++) {
      const f = Math.min(x[p], 1 - x[p]);
      if (f <= EPSILON) continue;
      if (f > best + EPSILON || (f >= best - EPSILON && pick >= 0 && pairPoints[p] > pairPoints[pick])) {
        best = Math.max(best, f);
        pick = p;
      }
    }
    return pick;
  }

  /**
   * HiGHS's branch-and-cut on the pairs the root leaves open, from the incumbent. Returns the bound
   * left open (−Infinity when it proves its answer optimal).
   */
  private mipFinish(lp: LpRelaxation, root: LpSolution): number {
    const rootBound = root.value + LP_TOLERANCE;
    const slack = rootBound - this.incumbentValue - 1;
    const open: number[] = [];
    root.reducedCost.forEach((d, p) => {
      // a pair at 0 whose reduced cost is below −slack would take the bound under z + 1
      if (root.x[p] > EPSILON || -d <= slack) open.push(p);
    });
    this.limitLpTime(lp);
    const mip = lp.solveAsMip(open, this.incumbent, Math.max(1, this.options.maxBranchNodes - this.branchNodes));
    if (mip === null) return rootBound;
    this.branchNodes += mip.nodes;
    this.offer(this.repairer.repair(mip.pairs)); // repaired as every LP answer is: never a broken rule
    return mip.optimal ? -Infinity : Math.min(rootBound, mip.bound + LP_TOLERANCE);
  }

  /** The exact solve; null when HiGHS gives no LP answer at the root. */
  run(linearSolver: LinearSolver): SolverOutcome | null {
    const open = this.solveWithLp(linearSolver);
    return open === null ? null : this.outcome(open);
  }

  /** The answer, given the best bound among the nodes left open (−Infinity when none is). */
  private outcome(open: number): SolverOutcome {
    // the optimum is a whole number of points, so the floor of any bound on it is a bound too
    const bound = Math.max(this.incumbentValue, Math.floor(open));
    return {
      chosen: this.incumbent,
      objective: this.incumbentValue,
      bound,
      optimal: bound <= this.incumbentValue,
      sideConstraints: this.bindable.length,
      cuts: this.cuts,
      branchNodes: this.branchNodes,
      work: 0,
      method: 'lp',
      provenBy: bound <= this.incumbentValue ? this.provenBy : null,
      unproven: bound <= this.incumbentValue ? null : { code: 'LIMIT_REACHED', message: `The branch-and-bound limit (${this.options.maxBranchNodes} nodes${this.options.timeLimitMs === undefined ? '' : ` or ${this.options.timeLimitMs} ms`}) stopped the search before the answer was proven optimal.` },
    };
  }
}

/**
 * Solve exactly with HiGHS; without it, or when it gives no LP answer, the heuristic answers (its
 * result carries why it is unproven). A problem with no candidate pair needs no solver.
 */
export function solveProblem(problem: MatchingProblem, options: SolverOptions): SolverOutcome {
  const startedAt = performance.now();
  if (problem.pairCount === 0) return heuristicOutcome(problem, options, null);
  if (options.linearSolver === undefined) {
    return heuristicOutcome(problem, options, { code: 'NO_LINEAR_SOLVER', message: 'HiGHS (the LP solver) is not available: a greedy answer with local repair, not proven optimal.' });
  }
  return (
    new ExactSolver(problem, options, startedAt).run(options.linearSolver) ??
    heuristicOutcome(problem, options, { code: 'NO_LP_ANSWER', message: 'HiGHS gave no answer for the LP relaxation: a greedy answer with local repair, not proven optimal.' })
  );
}

function heuristicOutcome(problem: MatchingProblem, options: SolverOptions, why: Unproven | null): SolverOutcome {
  const { chosen, objective, bound, work } = solveHeuristically(problem, options.maxWork ?? Number.MAX_SAFE_INTEGER, options.onProgress);
  const optimal = bound <= objective; // the simple bound met (always so with no candidate pair)
  return {
    chosen,
    objective,
    bound,
    optimal,
    sideConstraints: bindableConstraints(problem).length,
    cuts: 0,
    branchNodes: 0,
    work,
    method: 'heuristic',
    provenBy: optimal ? 'bound' : null,
    unproven: optimal ? null : why,
  };
}

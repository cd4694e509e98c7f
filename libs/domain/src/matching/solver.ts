import { CliqueSeparator } from './cliques';
import { closeAndResolve, Repairer } from './heuristics';
import { LpRelaxation, type LinearSolver, type LpSolution } from './lp-relaxation';
import { bindableConstraints, Prices, sideConstraintsOf, type SideConstraint } from './lagrangian';
import { COST_SCALE, MatchingNetwork } from './network';
import type { MatchingProgress, ProvenBy } from './model';
import { objectiveOf, type MatchingProblem, type SetConstraint } from './problem';
import { zeroHalfCuts } from './zero-half';

/**
 * The exact solver, two ways.
 *
 * With a linear solver (HiGHS, `SolverOptions.linearSolver`; the worker's solver thread loads one): the LP
 * relaxation with clique and {0,½} cuts for the bound, a short LP dive for the incumbent, and HiGHS's
 * branch-and-cut over the pairs the root leaves open to finish (see solveWithLp). Exact bounds at
 * once; on generated hubs most gaps close at the root.
 *
 * Without one, on its own: Lagrangian relaxation of the side constraints over the min-cost-flow network
 * (`network.ts`, `lagrangian.ts`) for the upper bound, repaired relaxed solutions for the lower
 * bound (`heuristics.ts`), and branch-and-bound to close the gap.
 *
 * Multipliers follow Polyak subgradient steps (whole 1/COST_SCALE points, so costs stay exact) and
 * the flow is re-optimised incrementally after each step; every relaxed solution is repaired into a
 * feasible one; every few root iterations, and at the end of the root, the priced flow is
 * closed-and-resolved into a much better one; arcs whose reduced cost proves they cannot improve on the best solution are removed;
 * branch-and-bound (depth first, on the units of violated constraints) closes what is left. The
 * result is optimal, or carries the proven bound.
 *
 * Every limit is deterministic by default (iterations, branch nodes, search work counted in settled
 * nodes); a wall-clock limit exists but makes the answer depend on the machine.
 */

export interface SolverOptions {
  readonly maxBranchNodes: number;
  /**
   * Repair relaxed solutions and close-and-resolve them (default true). Off, only relaxed solutions
   * that already keep every constraint become incumbents: the search alone must find the optimum
   * (the tests use this to check the branching itself).
   */
  readonly primalHeuristics?: boolean;
  /**
   * A loaded HiGHS runtime: the root bound then comes from the LP relaxation with cuts
   * (exact, in a few LP solves) instead of subgradient steps. Without it, subgradient steps.
   */
  readonly linearSolver?: LinearSolver;
  /**
   * Rounds of cuts on the LP root (default LP_CUT_ROUNDS). Tests set 0 to check that the dive and
   * HiGHS's branch-and-cut find and prove optima on their own.
   */
  readonly cutRounds?: number;
  /** Search work (nodes settled by shortest-path searches) after which the solver stops improving. */
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
  readonly lagrangianIterations: number;
  readonly branchNodes: number;
  /** Nodes settled by every shortest-path search (the deterministic measure of effort). */
  readonly work: number;
  readonly method: 'lp' | 'flow';
  /** Which stage proved the answer optimal (null: not proven). */
  readonly provenBy: ProvenBy | null;
}

/** A branching decision: arcs closed (capacity 0) and, when `force` ≥ 0, one unit forced onto that arc. */
interface Fixing {
  readonly close: Int32Array;
  readonly force: number;
}

/** What applying a fixing changed, to undo it exactly. */
interface Applied {
  readonly fixing: Fixing;
  readonly capacities: Int32Array;
}

const ROOT_ITERATIONS = 120;
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
const NODE_ITERATIONS = 15;
/** A node starts from its parent's multipliers, near their optimum: smaller first steps than at the root. */
const NODE_FIRST_STEP = 0.25;
/** Halve the step after this many iterations without a better bound. */
const PATIENCE = 4;
/**
 * Close-and-resolve the priced flow every this many root iterations (and once at the end of the
 * root): cheap once the prices are near their optimum, and each better incumbent also aims the
 * subgradient steps better.
 */
const CLOSE_AND_RESOLVE_EVERY = 10;

class ExactSolver {
  /** The constraints outside the network that can bind (the side constraints, the LP's extra rows). */
  private readonly bindable: readonly SetConstraint[];
  /** The network, its side constraints and their prices: built on first use (the LP path needs none). */
  private flowParts: { network: MatchingNetwork; side: readonly SideConstraint[]; prices: Prices } | null = null;
  private readonly cliques: CliqueSeparator;
  private cuts = 0;
  private readonly repairer: Repairer;
  private incumbent: Int32Array = new Int32Array(0);
  private incumbentValue = 0;
  private heuristicWork = 0;
  iterations = 0;
  branchNodes = 0;
  private provenBy: ProvenBy | null = null;
  private method: 'lp' | 'flow' = 'flow';

  constructor(
    private readonly problem: MatchingProblem,
    private readonly options: SolverOptions,
    private readonly startedAt: number,
  ) {
    this.bindable = bindableConstraints(problem);
    this.repairer = new Repairer(problem);
    this.cliques = new CliqueSeparator(problem);
  }

  private parts(): { network: MatchingNetwork; side: readonly SideConstraint[]; prices: Prices } {
    if (this.flowParts === null) {
      const network = new MatchingNetwork(this.problem);
      const side = sideConstraintsOf(network);
      this.flowParts = { network, side, prices: new Prices(network, side) };
    }
    return this.flowParts;
  }

  private get network(): MatchingNetwork {
    return this.parts().network;
  }

  private get side(): readonly SideConstraint[] {
    return this.parts().side;
  }

  private get prices(): Prices {
    return this.parts().prices;
  }

  private get work(): number {
    return (this.flowParts?.network.flow.work ?? 0) + this.heuristicWork;
  }

  private reportedWork = 0;
  private bestBound = Infinity;

  /**
   * Tell the observer: at a stage of the LP path (`stage`, its share of the solve), or when the work
   * moved on by 1 % of the limit since the last time.
   */
  private report(bound: number, stage?: number): void {
    this.bestBound = Math.min(this.bestBound, bound);
    const { onProgress, maxWork } = this.options;
    if (!onProgress) return;
    const progress = { work: this.work, maxWork: maxWork ?? 0, objective: this.incumbentValue, bound: this.bestBound };
    if (stage !== undefined) onProgress({ ...progress, share: stage });
    else if (maxWork !== undefined && this.work - this.reportedWork >= maxWork / 100) {
      this.reportedWork = this.work;
      onProgress({ ...progress, share: Math.min(1, this.work / Math.max(1, maxWork)) });
    }
  }

  private outOfBudget(): boolean {
    if (this.options.maxWork !== undefined && this.work > this.options.maxWork) return true;
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

  /** Close-and-resolve the current priced flow into a feasible assignment. */
  private closeAndResolve(): void {
    if (this.options.primalHeuristics === false) return;
    const { pairs, work } = closeAndResolve(this.network, this.side);
    this.heuristicWork += work;
    this.offer(this.repairer.repair(pairs, (p) => this.network.flow.capacity(this.network.pairArc[p]) > 0));
  }

  /** Objectives are whole points: a bound below z + 1 proves that nothing beats the incumbent z. */
  private proves(bound: number): boolean {
    return bound < this.incumbentValue + 1;
  }

  /**
   * Remove arcs that cannot be in any solution better than the incumbent (valid for this λ): one
   * that forcing onto the relaxation would cost more than the bound's lead over z + 1.
   */
  private reducedCostFixing(lagrangianValue: number): void {
    const flow = this.network.flow;
    const slack = (lagrangianValue - this.incumbentValue - 1) * COST_SCALE;
    const fix = (arc: number) => {
      if (arc >= 0 && flow.residualCapacity(arc) > 0 && flow.flow(arc) === 0 && flow.reducedCost(arc) > slack) flow.setCapacity(arc, 0);
    };
    this.network.pairArc.forEach(fix);
    this.network.sessionArc.forEach(fix);
  }

  /**
   * Subgradient optimisation of the multipliers at the current node. Returns the best upper bound
   * found (−Infinity when the node is infeasible), and leaves the last relaxed solution in place.
   */
  private lagrange(maxIterations: number, atRoot: boolean, firstStep: number): { bound: number; usage: Int32Array } {
    const { prices, side } = this;
    let bound = Infinity;
    let step = firstStep;
    let sinceBetter = 0;
    let usage: Int32Array = new Int32Array(0);
    for (let it = 0; it < maxIterations; it++) {
      if (!prices.settle()) return { bound: -Infinity, usage: new Int32Array(0) };
      this.iterations++;
      const value = prices.value();
      if (value < bound) {
        bound = value;
        sinceBetter = 0;
      } else if (++sinceBetter >= PATIENCE) {
        step /= 2;
        sinceBetter = 0;
      }
      const chosen = this.network.chosenPairs();
      usage = prices.usage(chosen);
      if (usage.every((u, k) => u <= side[k].bound)) this.offer(chosen);
      else if (this.options.primalHeuristics !== false) this.offer(this.repairer.repair(chosen, (p) => this.network.flow.capacity(this.network.pairArc[p]) > 0));
      if (atRoot && it > 0 && it % CLOSE_AND_RESOLVE_EVERY === 0) this.closeAndResolve();
      this.report(atRoot ? bound : Infinity); // a node's bound is its own; the root's holds for all
      if (this.proves(bound)) break;
      if (atRoot) this.reducedCostFixing(value);
      let norm = 0;
      for (let k = 0; k < side.length; k++) {
        const g = usage[k] - side[k].bound;
        if (g > 0 || prices.lambda[k] > 0) norm += g * g;
      }
      if (norm === 0 || step < 1e-3 || this.outOfBudget()) break;
      const t = (step * (value - this.incumbentValue) * COST_SCALE) / norm;
      for (let k = 0; k < side.length; k++) {
        const g = usage[k] - side[k].bound;
        if (g === 0 || (g < 0 && prices.lambda[k] === 0)) continue;
        const move = g > 0 ? Math.max(1, Math.round(t * g)) : Math.round(t * g);
        prices.set(k, Math.max(0, prices.lambda[k] + move));
      }
    }
    return { bound, usage };
  }

  // ── with an LP solver: LP root with cuts, a short dive, HiGHS's branch-and-cut to finish ──

  /**
   * The exact solve when HiGHS is at hand. The LP relaxation (lp-relaxation.ts) gives the bound at
   * once; the clique cuts (cliques.ts) and {0,½}-cuts (zero-half.ts) its solution breaks are added
   * and it is solved again, up to LP_CUT_ROUNDS rounds (on every generated hub measured this closes
   * the gap at the root, and rounding the LP's solution gives the optimum). If that does not prove the best
   * rounded solution optimal, a short depth-first dive on the LP finds a near-optimal incumbent, and
   * HiGHS's branch-and-cut finishes on the pairs the root leaves open: every pair whose LP reduced
   * cost exceeds the bound's lead over the incumbent is out of any better assignment.
   * Returns the best bound left open (−Infinity when proven), or null when HiGHS gives no LP optimum
   * at the root (the subgradient solver takes over).
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
    while (stack.length > 0 && nodes < DIVE_NODES && this.branchNodes < this.options.maxBranchNodes && !this.outOfBudget()) {
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

  /**
   * The two children of a node, from the violated constraints of the last relaxed solution (the
   * most violated first) and their least worth units. When the constraint allows one unit, the two
   * least worth units cannot both stay: one child closes the first, the other the second. Otherwise
   * one child closes the least worth unit's arc and the other forces a unit onto it. With nothing
   * violated (but no proof either), the same on the priced arc with the smallest reduced cost.
   */
  private branch(usage: Int32Array): [Fixing, Fixing] | null {
    const { flow } = this.network;
    const violated = this.side.map((_, k) => k).filter((k) => usage[k] > this.side[k].bound);
    violated.sort((a, b) => usage[b] - this.side[b].bound - (usage[a] - this.side[a].bound) || a - b);
    for (const k of violated) {
      const units = Array.from(this.side[k].arcs).filter((arc) => flow.freeFlow(arc) > 0);
      units.sort((a, b) => this.arcWorth(a) - this.arcWorth(b) || a - b);
      if (units.length >= 2 && this.side[k].bound === 1) return [this.closing(units[0]), this.closing(units[1])];
      if (units.length >= 1) return [this.closing(units[0]), this.forcing(units[0])];
    }
    let pick = -1;
    this.side.forEach((c, k) => {
      if (this.prices.lambda[k] === 0) return;
      for (const arc of c.arcs) {
        if (flow.capacity(arc) === 0) continue;
        if (pick < 0 || flow.reducedCost(arc) < flow.reducedCost(pick)) pick = arc;
      }
    });
    return pick < 0 ? null : [this.closing(pick), this.forcing(pick)];
  }

  private closing(arc: number): Fixing {
    return { close: Int32Array.of(arc), force: -1 };
  }

  private forcing(arc: number): Fixing {
    return { close: Int32Array.of(arc), force: arc };
  }

  /** Points of the pair an arc carries (a session arc: the pair that uses the session). */
  private arcWorth(arc: number): number {
    const { network, problem } = this;
    const pair = network.pairOfArc[arc >> 1];
    if (pair >= 0) return problem.pairPoints[pair];
    const s = network.sessionOfArc[arc >> 1];
    for (const p of problem.pairsOfSession[s] ?? []) if (network.flow.flow(network.pairArc[p]) > 0) return problem.pairPoints[p];
    return 0;
  }

  private apply(fixing: Fixing): Applied {
    const { flow } = this.network;
    const capacities = Int32Array.from(fixing.close, (arc) => flow.capacity(arc));
    for (const arc of fixing.close) flow.setCapacity(arc, 0);
    if (fixing.force >= 0) flow.fixUnits(fixing.force, 1);
    return { fixing, capacities };
  }

  private undo({ fixing, capacities }: Applied): void {
    const { flow } = this.network;
    if (fixing.force >= 0) flow.fixUnits(fixing.force, -1);
    fixing.close.forEach((arc, i) => flow.setCapacity(arc, capacities[i]));
  }

  run(): SolverOutcome {
    if (this.options.linearSolver !== undefined) {
      const open = this.solveWithLp(this.options.linearSolver);
      if (open !== null) {
        this.method = 'lp';
        return this.outcome(open);
      }
    }
    const root = this.lagrange(ROOT_ITERATIONS, true, 1);
    if (!this.proves(root.bound)) this.closeAndResolve();
    const stack: { fixings: Fixing[]; bound: number }[] = [];
    let unresolved = -Infinity; // bound of a node we could neither prune nor split
    const split = (fixings: Fixing[], bound: number, usage: Int32Array) => {
      const children = this.branch(usage);
      if (children === null) unresolved = Math.max(unresolved, bound);
      // depth first, the child that removes the unit first: it usually repairs the broken constraint
      else stack.push({ fixings: [...fixings, children[1]], bound }, { fixings: [...fixings, children[0]], bound });
    };
    if (!this.proves(root.bound)) split([], root.bound, root.usage);
    let applied: Applied[] = [];
    while (stack.length > 0 && this.branchNodes < this.options.maxBranchNodes && !this.outOfBudget()) {
      const node = stack[stack.length - 1];
      stack.pop();
      if (this.proves(node.bound)) continue;
      this.branchNodes++;
      let common = 0;
      while (common < applied.length && common < node.fixings.length && applied[common].fixing === node.fixings[common]) common++;
      for (let i = applied.length - 1; i >= common; i--) this.undo(applied[i]);
      applied = applied.slice(0, common);
      for (let i = common; i < node.fixings.length; i++) applied.push(this.apply(node.fixings[i]));
      const result = this.lagrange(NODE_ITERATIONS, false, NODE_FIRST_STEP);
      const bound = Math.min(result.bound, node.bound);
      if (!this.proves(bound)) split(node.fixings, bound, result.usage);
    }
    for (let i = applied.length - 1; i >= 0; i--) this.undo(applied[i]);
    let open = unresolved;
    for (const node of stack) if (!this.proves(node.bound)) open = Math.max(open, node.bound);
    return this.outcome(open);
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
      lagrangianIterations: this.iterations,
      branchNodes: this.branchNodes,
      work: this.work,
      method: this.method,
      provenBy: bound <= this.incumbentValue ? this.provenBy : null,
    };
  }
}

export function solveProblem(problem: MatchingProblem, options: SolverOptions): SolverOutcome {
  return new ExactSolver(problem, options, performance.now()).run();
}

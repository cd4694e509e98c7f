import { bindableConstraints } from './bindable';
import { dive } from './exact/dive';
import { finish } from './exact/finish';
import { solveRoot } from './exact/root';
import { ExactSearch, LP_TOLERANCE, type ExactOptions } from './exact/search';
import { solveHeuristically } from './heuristic';
import { LpRelaxation, type LinearSolver } from './lp-relaxation';
import type { MatchingProgress, ProvenBy, Unproven } from './model';
import type { MatchingProblem } from './problem';

/**
 * One exact path, with HiGHS (`SolverOptions.linearSolver`; the worker's solver thread loads one):
 *   1. the LP root with rounds of clique and {0,½} cuts (`exact/root.ts`) for the bound, its
 *      solutions rounded into assignments;
 *   2. if that leaves a gap, a short LP dive for a better incumbent (`exact/dive.ts`);
 *   3. then HiGHS's branch-and-cut over the pairs the root leaves open (`exact/finish.ts`).
 * On every generated hub measured (`npm run bench:matching-closure`) step 1 or 3 proves the answer
 * optimal.
 *
 * Without HiGHS (it failed to load, or gave no LP answer at the root) there is no exact solve: a
 * fast greedy with local repair (`heuristic.ts`) answers, every rule kept, reported as unproven
 * with a simple bound and the reason (`SolverOutcome.unproven`).
 *
 * Every limit is deterministic by default (branch nodes; pairs looked at by the heuristic); a
 * wall-clock limit exists but makes the answer depend on the machine.
 */

export interface SolverOptions {
  readonly maxBranchNodes: number;
  /** A loaded HiGHS runtime: the exact solve. Without it, the heuristic (unproven). */
  readonly linearSolver?: LinearSolver;
  /** Rounds of cuts on the LP root. Tests set 0 to check that the dive and HiGHS's branch-and-cut find and prove optima on their own. */
  readonly cutRounds?: number;
  /** Pairs looked at by the heuristic after which it stops improving. */
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
  /** Which stage proved the answer optimal (null: not proven). */
  readonly provenBy: ProvenBy | null;
  /** Why the answer is not proven optimal; null when it is. */
  readonly unproven: Unproven | null;
}

/**
 * Solve exactly with HiGHS; without it, or when it gives no LP answer, the heuristic answers (its
 * result carries why it is unproven). A problem with no candidate pair needs no solver.
 */
export function solveProblem(problem: MatchingProblem, options: SolverOptions): SolverOutcome {
  const startedAt = performance.now();
  const { linearSolver } = options;
  if (problem.pairCount === 0) return heuristicOutcome(problem, options, null);
  if (linearSolver === undefined) {
    return heuristicOutcome(problem, options, {
      code: 'NO_LINEAR_SOLVER',
      message: 'HiGHS (the LP solver) is not available: a greedy answer with local repair, not proven optimal.',
    });
  }
  return (
    solveExactly(problem, { ...options, linearSolver }, startedAt) ??
    heuristicOutcome(problem, options, {
      code: 'NO_LP_ANSWER',
      message: 'HiGHS gave no answer for the LP relaxation: a greedy answer with local repair, not proven optimal.',
    })
  );
}

/** Root, dive, finish, each only while the one before leaves a gap; null when HiGHS gives no LP answer at the root. */
function solveExactly(problem: MatchingProblem, options: ExactOptions, startedAt: number): SolverOutcome | null {
  const search = new ExactSearch(problem, options, startedAt);
  const bindable = bindableConstraints(problem);
  const lp = new LpRelaxation(
    options.linearSolver,
    problem,
    bindable.map((c) => ({ pairs: c.pairs, bound: c.bound })),
  );
  try {
    const root = solveRoot(search, lp);
    if (root === null) return null;
    let provenBy: ProvenBy | null = null;
    let open = -Infinity; // the best bound left open
    if (search.proves(root.solution.value + LP_TOLERANCE)) provenBy = 'root';
    else if (search.proves(dive(search, lp, root.solution))) provenBy = 'dive';
    else {
      open = finish(search, lp, root.solution);
      if (open === -Infinity) provenBy = 'branch-and-cut';
    }
    // the optimum is a whole number of points, so the floor of any bound on it is a bound too
    const bound = Math.max(search.incumbentValue, Math.floor(open));
    const optimal = bound <= search.incumbentValue;
    return {
      chosen: search.incumbent,
      objective: search.incumbentValue,
      bound,
      optimal,
      sideConstraints: bindable.length,
      cuts: root.cuts,
      branchNodes: search.branchNodes,
      work: 0,
      method: 'lp',
      provenBy: optimal ? provenBy : null,
      unproven: optimal
        ? null
        : {
            code: 'LIMIT_REACHED',
            message: `The branch-and-bound limit (${options.maxBranchNodes} nodes${options.timeLimitMs === undefined ? '' : ` or ${options.timeLimitMs} ms`}) stopped the search before the answer was proven optimal.`,
          },
    };
  } finally {
    lp.dispose();
  }
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

import type { LpRelaxation, LpSolution } from '../lp-relaxation';
import { EPSILON, LP_TOLERANCE, type ExactSearch } from './search';

/** Nodes of the LP dive that finds the incumbent HiGHS's branch-and-cut starts from. */
const DIVE_NODES = 15;

type PairFixing = { readonly pair: number; readonly value: 0 | 1 };

/**
 * When the root leaves a gap: depth-first branch-and-bound on the LP for DIVE_NODES nodes, on the
 * most fractional pair, x = 1 first, every node re-solved from the last basis and rounded into an
 * assignment (offered to the search). Returns the best bound among the nodes left open (−Infinity
 * when none is). The LP's bounds are as they were when it returns.
 */
export function dive(search: ExactSearch, lp: LpRelaxation, root: LpSolution): number {
  const stack: { fixings: PairFixing[]; bound: number }[] = [];
  let open = -Infinity;
  const split = (fixings: PairFixing[], solution: LpSolution) => {
    const bound = solution.value + LP_TOLERANCE;
    const pair = mostFractional(search, solution.x);
    if (pair < 0) return; // integral: offered already, nothing beats it below this node
    stack.push({ fixings: [...fixings, { pair, value: 0 }], bound }, { fixings: [...fixings, { pair, value: 1 }], bound });
  };
  split([], root);
  let fixed: PairFixing[] = [];
  let nodes = 0;
  while (stack.length > 0 && nodes < DIVE_NODES && search.branchNodes < search.options.maxBranchNodes && !search.outOfTime()) {
    const node = stack[stack.length - 1];
    stack.pop();
    if (search.proves(node.bound)) continue;
    nodes++;
    search.branchNodes++;
    for (const f of fixed) lp.setPairBounds(f.pair, 0, 1);
    for (const f of node.fixings) lp.setPairBounds(f.pair, f.value, f.value);
    fixed = node.fixings;
    const solved = search.solveLp(lp);
    if (solved.status !== 'optimal') {
      // infeasible: nothing below this node; no answer from HiGHS: the parent's bound stands
      if (solved.status === 'unknown') open = Math.max(open, node.bound);
      continue;
    }
    search.offerRounded(solved.solution);
    search.report(Infinity, 0.5 + (0.3 * nodes) / DIVE_NODES);
    if (!search.proves(solved.solution.value + LP_TOLERANCE)) split(node.fixings, solved.solution);
  }
  for (const f of fixed) lp.setPairBounds(f.pair, 0, 1);
  for (const node of stack) if (!search.proves(node.bound)) open = Math.max(open, node.bound);
  return open;
}

/** The pair whose x is nearest one half (ties: more points, then the lower index); -1 when x is integral. */
function mostFractional(search: ExactSearch, x: Float64Array): number {
  const { pairPoints } = search.problem;
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

import type { LpRelaxation, LpSolution } from '../lp-relaxation';
import { EPSILON, LP_TOLERANCE, type ExactSearch } from './search';

/**
 * The finish, when neither the root nor the dive proved the incumbent: HiGHS's branch-and-cut over
 * the pairs the root leaves open, started from the incumbent. Every pair at 0 whose LP reduced cost
 * exceeds the bound's lead over the incumbent is out of any better assignment, so it stays fixed
 * at 0. Returns the bound left open (−Infinity when HiGHS proves its answer optimal).
 */
export function finish(search: ExactSearch, lp: LpRelaxation, root: LpSolution): number {
  const rootBound = root.value + LP_TOLERANCE;
  const slack = rootBound - search.incumbentValue - 1;
  const open: number[] = [];
  root.reducedCost.forEach((d, p) => {
    // a pair at 0 whose reduced cost is below −slack would take the bound under z + 1
    if (root.x[p] > EPSILON || -d <= slack) open.push(p);
  });
  search.limitLpTime(lp);
  const mip = lp.solveAsMip(open, search.incumbent, Math.max(1, search.options.maxBranchNodes - search.branchNodes));
  if (mip === null) return rootBound;
  search.branchNodes += mip.nodes;
  search.offer(mip.pairs); // repaired as every LP answer is: never a broken rule
  return mip.optimal ? -Infinity : Math.min(rootBound, mip.bound + LP_TOLERANCE);
}

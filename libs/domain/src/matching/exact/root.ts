import { CliqueSeparator } from '../cliques';
import type { LpRelaxation, LpSolution } from '../lp-relaxation';
import { zeroHalfCuts } from '../zero-half';
import { LP_TOLERANCE, type ExactSearch } from './search';

/** Rounds of cuts on the LP root, and cuts of each kind a round at most. */
const LP_CUT_ROUNDS = 8;
const LP_CUTS_PER_ROUND = 200;

/**
 * The LP root and its rounds of cuts: solve the LP relaxation (the bound), round its solution into
 * an assignment, add the clique cuts (cliques.ts) and {0,½}-cuts (zero-half.ts) the solution breaks,
 * and solve again, up to LP_CUT_ROUNDS rounds or until the bound proves the incumbent optimal. On
 * the generated hubs measured (`npm run bench:matching-closure`) this closes almost every gap.
 * Returns the last LP solution and the cuts added, or null when HiGHS reports no optimum.
 */
export function solveRoot(search: ExactSearch, lp: LpRelaxation): { solution: LpSolution; cuts: number } | null {
  const separator = new CliqueSeparator(search.problem);
  const rounds = search.options.cutRounds ?? LP_CUT_ROUNDS;
  let cuts = 0;
  for (let round = 0; ; round++) {
    const solved = search.solveLp(lp);
    if (solved.status !== 'optimal') return null;
    const { solution } = solved;
    search.offerRounded(solution);
    search.report(solution.value + LP_TOLERANCE, round === 0 ? 0.4 : 0.5);
    if (round === rounds || search.proves(solution.value + LP_TOLERANCE)) return { solution, cuts };
    const cliques = separator.violatedBy(solution.x, LP_CUTS_PER_ROUND);
    // an odd ring of three is a clique too: keep one copy
    const cliqueKeys = new Set(cliques.map((pairs) => pairs.join(',')));
    const zeroHalf = zeroHalfCuts(lp.pairRows, solution.pairRowActivity, solution.x, LP_CUTS_PER_ROUND).filter(
      (cut) => !(cut.bound === 1 && cut.coefficients.every((c) => c === 1) && cliqueKeys.has(cut.pairs.join(','))),
    );
    if (cliques.length + zeroHalf.length === 0) return { solution, cuts };
    lp.addRows([...cliques.map((pairs) => ({ pairs, bound: 1 })), ...zeroHalf]);
    cuts += cliques.length + zeroHalf.length;
  }
}

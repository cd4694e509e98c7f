import { DomainError } from '../errors';
import { parseIntegerInRange } from '../validation';
import { explainProposals, explainUnmatched } from './explain';
import type { MatchingOptions, MatchingResult } from './model';
import { buildMatchingProblem } from './problem';
import { pairWorth } from './rules';
import { solveProblem } from './solver';
import { resolveMatchingWeights, validateMatchingInput } from './validate';
import { findViolations } from './verify';

export * from './model';
export { validateMatchingInput, resolveMatchingWeights } from './validate';
export { buildMatchingProblem, objectiveOf, type MatchingProblem, type SetConstraint, type SetConstraintKind } from './problem';
export { findViolations, assignmentsByIds, type Assignment, type Violation } from './verify';
export { PAIR_RULES, pairRuleFailures, pairWorth, buildRuleContext, fairnessPenaltyPoints, type PairRule, type RuleContext } from './rules';
export { greatCircleKm } from './geo';
export { londonDate, londonMonth } from './london-time';
export type { MatchingInstance } from './instance';
export type { LinearSolver } from './lp-relaxation';

/** Default branch-and-bound node limit: deterministic, and enough to close small and medium hubs. */
export const DEFAULT_MAX_BRANCH_NODES = 500;

/**
 * Default search-work limit for the heuristic that answers without HiGHS (pairs looked at,
 * deterministic): more than its sweeps need on a hub of 5,000 requests × 20,000 sessions (33 M).
 */
export const DEFAULT_MAX_WORK = 50_000_000;

/**
 * Propose bookings for a hub's open requests: validate the input (DomainError naming the field),
 * build the candidate pairs, solve exactly with HiGHS (or, without it, heuristically: reported as
 * unproven), explain every proposal and every request left out. The same input, in any order, gives the same output.
 */
export function solveMatching(input: unknown, options: MatchingOptions = {}): MatchingResult {
  const started = performance.now();
  const weights = resolveMatchingWeights(options.weights ?? {}, 'weights');
  const maxBranchNodes =
    options.maxBranchNodes === undefined
      ? DEFAULT_MAX_BRANCH_NODES
      : parseIntegerInRange(options.maxBranchNodes, 'maxBranchNodes', 0, 1_000_000);
  const maxWork =
    options.maxWork === undefined ? DEFAULT_MAX_WORK : parseIntegerInRange(options.maxWork, 'maxWork', 0, Number.MAX_SAFE_INTEGER);
  const timeLimitMs =
    options.timeLimitMs === undefined ? undefined : parseIntegerInRange(options.timeLimitMs, 'timeLimitMs', 1, 86_400_000);
  const instance = validateMatchingInput(input);
  const problem = buildMatchingProblem(instance, weights);
  const built = performance.now();
  const outcome = solveProblem(problem, {
    maxBranchNodes,
    maxWork,
    timeLimitMs,
    onProgress: options.onProgress,
    linearSolver: options.linearSolver,
  });
  const solved = performance.now();

  const violations = findViolations(
    problem.context,
    Array.from(outcome.chosen, (p) => ({ request: problem.pairRequest[p], session: problem.pairSession[p] })),
  );
  if (violations.length > 0) {
    // A solver bug, never a user's mistake: refuse to hand over proposals that break a hard rule.
    throw new DomainError(
      'INTERNAL',
      `matching produced ${violations.length} proposal(s) breaking ${violations[0].rule} (${violations[0].detail})`,
    );
  }
  const proposals = explainProposals(problem, outcome.chosen).sort((a, b) => (a.requestId < b.requestId ? -1 : 1));
  const unmatched = explainUnmatched(problem, outcome.chosen);
  const explained = performance.now();

  let disadvantaged = 0;
  for (const p of outcome.chosen)
    disadvantaged +=
      pairWorth(problem.context, instance.requests[problem.pairRequest[p]], instance.sessions[problem.pairSession[p]]).gapPupilsClosed *
      instance.requests[problem.pairRequest[p]].disadvantagedShare;
  return {
    proposals,
    unmatched,
    objective: outcome.objective,
    bound: outcome.bound,
    gap: (outcome.bound - outcome.objective) / Math.max(1, Math.abs(outcome.bound)),
    optimal: outcome.optimal,
    unproven: outcome.unproven,
    weights,
    stats: {
      requests: instance.requests.length,
      sessions: instance.sessions.length,
      candidatePairs: problem.pairCount,
      sideConstraints: outcome.sideConstraints,
      cuts: outcome.cuts,
      branchNodes: outcome.branchNodes,
      work: outcome.work,
      method: outcome.method,
      provenBy: outcome.provenBy,
      pupilsCovered: proposals.reduce((s, p) => s + p.pupils, 0),
      gapPupilsCovered: proposals.reduce((s, p) => s + p.gapPupilsClosed, 0),
      disadvantagedGapPupilsCovered: Math.round(disadvantaged * 10) / 10,
      millis: { build: Math.round(built - started), solve: Math.round(solved - built), explain: Math.round(explained - solved) },
    },
  };
}

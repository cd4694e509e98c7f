import {
  can,
  collect,
  DomainError,
  isBlank,
  resolveMatchingWeights,
  showValue,
  type MatchingWeights,
  type Principal,
} from '@tandem/domain';
import type { MatchingProposalStatusValue, MatchingRunPhaseValue, MatchingRunStatusValue } from '@tandem/persistence';

/** Pure rules of the matching flow: input checks, who sees a run, what a decision on a proposal does. No I/O. */

export const MATCHING_RUN_STATUSES: readonly MatchingRunStatusValue[] = ['queued', 'running', 'succeeded', 'failed'];
export const MATCHING_PROPOSAL_STATUSES: readonly MatchingProposalStatusValue[] = ['proposed', 'accepted', 'rejected', 'superseded'];

/** How far along a run is at the start of each phase (within solving, see solvingPercent). */
export const PHASE_PROGRESS: Readonly<Record<MatchingRunPhaseValue, number>> = {
  queued: 0,
  loading: 10,
  solving: 30,
  saving: 90,
  done: 100,
};

/**
 * The bar while the solver works: how far along the solver says it is (MatchingProgress.share),
 * spread over the solving phase (30 % up to 89 %, short of saving). A solve that proves its answer
 * early jumps ahead.
 */
export function solvingPercent(solverShare: number): number {
  const share = Number.isFinite(solverShare) ? Math.min(1, Math.max(0, solverShare)) : 1;
  return PHASE_PROGRESS.solving + Math.floor((PHASE_PROGRESS.saving - 1 - PHASE_PROGRESS.solving) * share);
}

/** At most this many proposals in one accept or reject. */
export const MAX_PROPOSALS_PER_DECISION = 100;

/**
 * A run is seen by whoever may run matching over its scope: hub admins every run, a coordinator the
 * runs over their own cluster (a hub-wide run shows other clusters' schools, so not theirs).
 */
export function canSeeMatchingRun(p: Principal, run: { tenantId?: string; clusterId: string | null }): boolean {
  return can(p, 'runMatching', { tenantId: run.tenantId, clusterId: run.clusterId });
}

export interface StartRunInput {
  clusterId?: unknown;
  weights?: Record<string, unknown> | null;
}

/**
 * The run's own weights: the hub's, with any given here on top, each checked against the matching
 * rules (fields `input.weights.perKm`…). A null weight keeps the hub's value.
 */
export function runWeights(hubWeights: MatchingWeights, override: StartRunInput['weights']): MatchingWeights {
  if (override === null || override === undefined) return hubWeights;
  if (typeof override !== 'object' || Array.isArray(override)) {
    throw DomainError.invalid('input.weights', 'VALIDATION_FAILED', `input.weights must be a set of weights (got ${showValue(override)})`);
  }
  const given = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== null && v !== undefined));
  return resolveMatchingWeights({ ...hubWeights, ...given }, 'input.weights');
}

/** `input.clusterId` as given: blank = "the caller's own scope" (a coordinator's cluster, a hub admin's hub). */
export function requestedClusterId(input: StartRunInput): string | null {
  return isBlank(input.clusterId) ? null : String(input.clusterId).trim();
}

/** The proposal ids of one decision: 1 to 100, repeats ignored (field `ids`). */
export function parseProposalIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0) throw DomainError.invalid('ids', 'REQUIRED', 'ids must list at least one proposal');
  const c = collect();
  const out: string[] = [];
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id.trim() === '') c.add(`ids[${i}]`, 'REQUIRED', `ids[${i}] must be a proposal id`);
    else if (!out.includes(id.trim())) out.push(id.trim());
  });
  c.throwIfAny();
  if (out.length > MAX_PROPOSALS_PER_DECISION) {
    throw DomainError.invalid(
      'ids',
      'VALIDATION_FAILED',
      `ids may list at most ${MAX_PROPOSALS_PER_DECISION} proposals at once (got ${out.length})`,
    );
  }
  return out;
}

export type ProposalDecision = 'accept' | 'reject';

/**
 * What deciding does to a proposal in a given state: `apply`, nothing (`unchanged`: it already is so),
 * or a CONFLICT saying why not. Accepting twice or rejecting twice changes nothing.
 */
export function decideProposal(status: MatchingProposalStatusValue, decision: ProposalDecision, field: string): 'apply' | 'unchanged' {
  if (status === 'proposed') return 'apply';
  if ((status === 'accepted' && decision === 'accept') || (status === 'rejected' && decision === 'reject')) return 'unchanged';
  if (status === 'superseded')
    throw new DomainError('CONFLICT', 'A newer matching run has replaced this proposal: decide on that run’s proposals instead', field);
  if (status === 'accepted')
    throw new DomainError('CONFLICT', 'This proposal was accepted and is a booking now: cancel the booking instead', field);
  throw new DomainError('CONFLICT', 'This proposal was rejected: run matching again to get a new one', field);
}

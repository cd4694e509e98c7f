import type { MatchingProposalStatusValue } from '@tandem/persistence';
import { groupByKeys, type GraphQLContext } from '@tandem/platform';
import type { ProposalView, UnmatchedView } from './matching-runs.repository';
import type { MatchingService } from './matching.service';

/** Request-scoped DataLoaders for what hangs off a run; whoever holds the run has checked scope. */
export function proposalsLoader(ctx: GraphQLContext, service: MatchingService, status: MatchingProposalStatusValue | undefined) {
  return ctx.loaders.get<string, ProposalView[]>(`matchingProposals:${status ?? 'all'}`, async (runIds) =>
    groupByKeys(runIds, await service.proposalsOf(runIds, status), (p) => p.runId),
  );
}

export function unmatchedLoader(ctx: GraphQLContext, service: MatchingService) {
  return ctx.loaders.get<string, UnmatchedView[]>('matchingUnmatched', async (runIds) =>
    groupByKeys(runIds, await service.unmatchedOf(runIds), (u) => u.runId),
  );
}

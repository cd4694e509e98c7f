import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Cluster, MatchingRun } from '@tandem/persistence';
import { CurrentPrincipal, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import { ClusterType } from '@tandem/features/hubs';
import { clusterLoader } from '@tandem/features/hubs';
import { ClustersService } from '@tandem/features/hubs';
import { proposalsLoader, unmatchedLoader } from './matching-loaders';
import { MatchingService, type DecisionOutcome } from './matching.service';
import {
  MatchingDecisionResultType,
  MatchingProposalType,
  MatchingRunConnection,
  MatchingRunsArgs,
  MatchingRunType,
  MatchingUnmatchedRequestType,
  StartMatchingRunInput,
} from './matching.types';
import { proposalView, runView, unmatchedView } from './matching-views';

function connectionView(c: Connection<MatchingRun>): Connection<MatchingRunType> {
  return { ...c, nodes: c.nodes.map(runView), edges: c.edges.map((e) => ({ cursor: e.cursor, node: runView(e.node) })) };
}

function decisionView(outcomes: DecisionOutcome[]): MatchingDecisionResultType {
  return {
    results: outcomes.map((o) => ({ proposalId: o.proposalId, ok: o.ok, proposal: proposalView(o.proposal), error: o.error })),
    succeeded: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok).length,
  };
}

@Resolver(() => MatchingRunType)
export class MatchingResolver {
  constructor(
    private readonly service: MatchingService,
    private readonly clusters: ClustersService,
  ) {}

  @Query(() => MatchingRunType, {
    description:
      'One matching run you may see (hub admins: all; coordinators: their cluster’s), with its progress and, once done, its proposals.',
  })
  async matchingRun(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<MatchingRunType> {
    return runView(await this.service.get(p, id));
  }

  @Query(() => MatchingRunConnection, { description: 'Matching runs you may see, newest first.' })
  async matchingRuns(@CurrentPrincipal() p: Principal, @Args() args: MatchingRunsArgs): Promise<Connection<MatchingRunType>> {
    return connectionView(await this.service.list(p, args.filter, args.first, args.after));
  }

  @Mutation(() => MatchingRunType, {
    description: 'Queue a matching run for a cluster (or, for hub admins, the whole hub); poll matchingRun for its progress.',
  })
  async startMatchingRun(@CurrentPrincipal() p: Principal, @Args('input') input: StartMatchingRunInput): Promise<MatchingRunType> {
    return runView(
      await this.service.start(p, { clusterId: input.clusterId, weights: input.weights ? { ...input.weights } : input.weights }),
    );
  }

  @Mutation(() => MatchingDecisionResultType, {
    description:
      'Accept proposals (1–100): each becomes a booking in proposed state, both sides are asked. Per proposal: one that cannot be accepted (its session was taken since) reports its error, the others go through.',
  })
  async acceptMatchingProposals(
    @CurrentPrincipal() p: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<MatchingDecisionResultType> {
    return decisionView(await this.service.accept(p, ids));
  }

  @Mutation(() => MatchingDecisionResultType, { description: 'Reject proposals (1–100), per proposal as for accept.' })
  async rejectMatchingProposals(
    @CurrentPrincipal() p: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<MatchingDecisionResultType> {
    return decisionView(await this.service.reject(p, ids));
  }

  // ── relations (batched per request) ───────────────────────────────────────

  @ResolveField(() => ClusterType, { nullable: true, description: 'The cluster the run covers; null for the whole hub.' })
  cluster(@Parent() run: MatchingRunType, @Context() ctx: GraphQLContext): Promise<Cluster | null> | null {
    return run.clusterId ? clusterLoader(ctx, this.clusters).load(run.clusterId) : null;
  }

  @ResolveField(() => [MatchingProposalType], { description: 'The proposals, most worth first (all of them, or those of one status).' })
  async proposals(
    @Parent() run: MatchingRunType,
    @Context() ctx: GraphQLContext,
    @Args('status', { type: () => String, nullable: true, description: 'proposed, accepted, rejected or superseded.' })
    status?: string | null,
  ): Promise<MatchingProposalType[]> {
    const rows = await proposalsLoader(ctx, this.service, this.service.parseProposalStatus(status)).load(run.id);
    return rows.map(proposalView);
  }

  @ResolveField(() => [MatchingUnmatchedRequestType], { description: 'The requests the run left out, with what stopped each.' })
  async unmatched(@Parent() run: MatchingRunType, @Context() ctx: GraphQLContext): Promise<MatchingUnmatchedRequestType[]> {
    return (await unmatchedLoader(ctx, this.service).load(run.id)).map(unmatchedView);
  }
}

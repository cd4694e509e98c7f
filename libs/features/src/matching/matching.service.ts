import { Injectable } from '@nestjs/common';
import {
  canRunMatching,
  Clock,
  collect,
  DEFAULT_MAX_BRANCH_NODES,
  DEFAULT_MAX_WORK,
  DomainError,
  isBlank,
  parseEnum,
  type Principal,
  reachOf,
  readHubSettings,
  pageSize,
} from '@tandem/domain';
import {
  AuditLog,
  isUuid,
  Tenant,
  TenantDb,
  type JsonObject,
  type MatchingProposalStatusValue,
  type MatchingRun,
} from '@tandem/persistence';
import { Outbox, translateDatabaseError, type Connection } from '@tandem/platform';
import { BookingsService } from '@tandem/features/bookings';
import { connectionOf, mustBeAllowed, requireTenant, visibleOrNotFound } from '@tandem/features/shared';
import { ClustersService } from '@tandem/features/hubs';
import {
  canSeeMatchingRun,
  decideProposal,
  MATCHING_PROPOSAL_STATUSES,
  MATCHING_RUN_STATUSES,
  parseProposalIds,
  requestedClusterId,
  runWeights,
  type ProposalDecision,
  type StartRunInput,
} from './matching-rules';
import {
  MatchingProposalRepository,
  MatchingRunRepository,
  MatchingUnmatchedRepository,
  type ProposalView,
  type UnmatchedView,
} from './matching-runs.repository';

export interface MatchingRunFilterInput {
  clusterId?: string | null;
  status?: string | null;
}

/** One proposal's outcome in an accept or reject. */
export interface DecisionOutcome {
  proposalId: string;
  ok: boolean;
  proposal: ProposalView;
  error: { code: string; message: string; field: string | null } | null;
}

/**
 * Matching runs (API half): start one for a cluster or the hub (queued, with its outbox row, in one
 * transaction; the worker's MatchingRunRunner does the rest), read runs with their proposals and
 * unmatched requests, and decide on proposals.
 *
 * Accept / reject in bulk is per proposal: every id must name a proposal the caller may see (else the
 * whole call is refused and nothing is written); then each proposal is decided in its own
 * transaction, so a proposal whose session was taken since the run reports its own error while the
 * others go through, and no proposal is ever half-written (its booking and its status commit together).
 */
/** A queued or running run that has not changed for this long no longer blocks a new run of its scope. */
export const STALE_RUN_MS = 10 * 60_000;

@Injectable()
export class MatchingService {
  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly runs: MatchingRunRepository,
    private readonly proposals: MatchingProposalRepository,
    private readonly unmatched: MatchingUnmatchedRepository,
    private readonly clusters: ClustersService,
    private readonly bookings: BookingsService,
  ) {}

  // ── runs ──────────────────────────────────────────────────────────────────

  async start(p: Principal, input: StartRunInput): Promise<MatchingRun> {
    const tenantId = requireTenant(p);
    mustBeAllowed(canRunMatching(p), 'run matching');
    return this.db.transaction(async (em) => {
      const hub = readHubSettings((await em.findOneBy(Tenant, { id: tenantId }))?.settings);
      const weights = runWeights(hub.matchingWeights, input.weights);
      const clusterId = await this.scopeOf(p, requestedClusterId(input));
      let active = await this.runs.active(clusterId);
      if (active && this.clock.now().getTime() - active.updatedAt.getTime() > STALE_RUN_MS) {
        // Nothing has moved it for a long while (no worker took it, or one died mid-run and gave up
        // silently): it must not block its scope for ever. A late worker finds it finished and does nothing.
        await this.runs.fail(
          active.id,
          'INTERNAL',
          `No worker finished this run within ${STALE_RUN_MS / 60_000} minutes; no proposals were made. A newer run replaced it.`,
        );
        active = null;
      }
      if (active) {
        throw new DomainError(
          'CONFLICT',
          `A matching run for ${clusterId ? 'this cluster' : 'the whole hub'} is already ${active.status}: wait for it to finish`,
          'input.clusterId',
        );
      }
      const run = await this.runs.insert({
        clusterId,
        requestedByUserId: p.userId,
        status: 'queued',
        phase: 'queued',
        progress: 0,
        weights: { ...weights } as JsonObject,
        maxWork: DEFAULT_MAX_WORK,
        maxBranchNodes: DEFAULT_MAX_BRANCH_NODES,
      });
      await Outbox.add(em, 'matching', { tenantId, runId: run.id });
      await AuditLog.record(em, { action: 'matching.run_started', entityType: 'matching_run', entityId: run.id, detail: { clusterId } });
      return run;
    });
  }

  /**
   * The cluster a run covers (null = the whole hub). Blank means the caller's own scope: a
   * coordinator's cluster, a hub admin's hub. A cluster the caller may not run matching for answers
   * NOT_FOUND, whether it exists elsewhere or not.
   */
  private async scopeOf(p: Principal, requested: string | null): Promise<string | null> {
    const wanted = requested ?? (reachOf(p, 'runMatching').kind === 'cluster' ? (p.clusterId ?? null) : null);
    if (wanted === null) {
      if (reachOf(p, 'runMatching').kind !== 'all')
        throw new DomainError('FORBIDDEN', 'Only hub admins can run matching for the whole hub: choose your cluster', 'input.clusterId');
      return null;
    }
    const notYours = new DomainError('NOT_FOUND', 'Cluster not found among those you may run matching for', 'input.clusterId');
    const cluster = await this.clusters.get(p, wanted, 'input.clusterId').catch((e: unknown) => {
      throw e instanceof DomainError && e.code === 'NOT_FOUND' ? notYours : e;
    });
    if (!canSeeMatchingRun(p, { clusterId: cluster.id })) throw notYours;
    if (cluster.archivedAt)
      throw new DomainError(
        'CONFLICT',
        `The cluster ${cluster.name} is archived: matching runs only for active clusters`,
        'input.clusterId',
      );
    return cluster.id;
  }

  /** The run if the caller may see it; NOT_FOUND otherwise. */
  async get(p: Principal, id: string): Promise<MatchingRun> {
    requireTenant(p);
    return visibleOrNotFound(await this.runs.findById(id), (r) => canSeeMatchingRun(p, r), 'Matching run', 'id');
  }

  async list(
    p: Principal,
    filter: MatchingRunFilterInput | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<MatchingRun>> {
    requireTenant(p);
    mustBeAllowed(canRunMatching(p), 'see matching runs');
    const f = filter ?? {};
    const c = collect();
    const size = c.run(() => pageSize(first));
    const status = isBlank(f.status) ? undefined : c.run(() => parseEnum(f.status, MATCHING_RUN_STATUSES, 'filter.status'));
    c.throwIfAny();
    // An id that names no cluster matches no run (a list filter never says whether the id exists).
    const clusterId = isBlank(f.clusterId)
      ? undefined
      : isUuid(f.clusterId)
        ? (f.clusterId as string)
        : '00000000-0000-0000-0000-000000000000';
    const { page, total } = await this.runs.list(reachOf(p, 'runMatching'), { clusterId, status }, { first: size, after });
    return connectionOf(page, total);
  }

  /** Proposals of runs the caller has already been shown (for a DataLoader). */
  proposalsOf(runIds: readonly string[], status?: MatchingProposalStatusValue): Promise<ProposalView[]> {
    return this.proposals.viewsFor(runIds, status);
  }

  unmatchedOf(runIds: readonly string[]): Promise<UnmatchedView[]> {
    return this.unmatched.viewsFor(runIds);
  }

  parseProposalStatus(value: unknown): MatchingProposalStatusValue | undefined {
    return isBlank(value) ? undefined : parseEnum(value, MATCHING_PROPOSAL_STATUSES, 'status');
  }

  // ── deciding on proposals ─────────────────────────────────────────────────

  /** Accepted proposals become bookings in `proposed` state (both sides are asked, the employer by email). */
  accept(p: Principal, ids: unknown): Promise<DecisionOutcome[]> {
    return this.decide(p, ids, 'accept');
  }

  reject(p: Principal, ids: unknown): Promise<DecisionOutcome[]> {
    return this.decide(p, ids, 'reject');
  }

  private async decide(p: Principal, idsInput: unknown, decision: ProposalDecision): Promise<DecisionOutcome[]> {
    requireTenant(p);
    mustBeAllowed(canRunMatching(p), `${decision} proposals`);
    const ids = parseProposalIds(idsInput);
    const scopes = new Map((await this.proposals.withRunScope(ids)).map((s) => [s.id, s]));
    const c = collect();
    ids.forEach((id, i) => {
      const scope = scopes.get(id);
      if (!scope || !canSeeMatchingRun(p, scope)) c.add(`ids[${i}]`, 'NOT_FOUND', `ids[${i}]: proposal not found`);
    });
    c.throwIfAny();

    const errors = new Map<string, DecisionOutcome['error']>();
    for (const [i, id] of ids.entries()) {
      const field = `ids[${i}]`;
      try {
        await this.decideOne(p, id, decision, field);
      } catch (e) {
        const error = e instanceof DomainError ? e : translateDatabaseError(e);
        if (!error) throw e;
        errors.set(id, { code: error.code, message: error.message, field });
      }
    }
    const views = new Map((await this.proposals.viewsByIds(ids)).map((v) => [v.id, v]));
    return ids.map((id) => ({
      proposalId: id,
      ok: !errors.has(id),
      proposal: views.get(id) as ProposalView,
      error: errors.get(id) ?? null,
    }));
  }

  /** One proposal, inside its own transaction: locked, checked, and (for accept) turned into a booking. */
  private async decideOne(p: Principal, id: string, decision: ProposalDecision, field: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const proposal = await this.proposals.lock(id);
      if (!proposal) throw DomainError.notFound('Proposal', field);
      if (decideProposal(proposal.status, decision, field) === 'unchanged') return;
      let bookingId: string | null = null;
      if (decision === 'accept') {
        try {
          bookingId = (await this.bookings.propose(p, proposal.requestId, proposal.offerSessionId)).id;
        } catch (e) {
          // The booking's own words ("This session is already taken…"), placed on this proposal.
          if (e instanceof DomainError) throw new DomainError(e.code, e.message, field);
          throw e;
        }
      }
      await this.proposals.decide(proposal.id, decision === 'accept' ? 'accepted' : 'rejected', bookingId, p.userId);
      await AuditLog.record(em, {
        action: `matching.proposal_${decision === 'accept' ? 'accepted' : 'rejected'}`,
        entityType: 'matching_proposal',
        entityId: proposal.id,
        detail: { runId: proposal.runId, bookingId },
      });
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { MatchingProposal as SolverProposal, MatchingResult, ScopeFilter } from '@tandem/domain';
import {
  Employer,
  EncounterRequest,
  isUuid,
  MatchingProposal,
  MatchingRun,
  MatchingUnmatchedRequest,
  Offer,
  School,
  TenantDb,
  TenantRepository,
  type MatchingProposalStatusValue,
  type MatchingRunPhaseValue,
  type MatchingRunStatusValue,
  type Page,
  type PageRequest,
  type StoredMatchingReason,
} from '@tandem/persistence';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { LeftOutRequest } from './matching-input';
import { PHASE_PROGRESS } from './matching-rules';

export interface RunListFilter {
  clusterId?: string;
  status?: MatchingRunStatusValue;
}

/** What a finished run records besides its proposals. */
export interface RunOutcome {
  result: MatchingResult;
  leftOut: readonly LeftOutRequest[];
  loadMs: number;
}

@Injectable()
export class MatchingRunRepository extends TenantRepository<MatchingRun> {
  constructor(db: TenantDb) {
    super(db, MatchingRun, 'run');
  }

  /** A page of runs within `scope` (runMatching), newest first, and how many match. */
  async list(scope: ScopeFilter, filter: RunListFilter, page: PageRequest): Promise<{ page: Page<MatchingRun>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<MatchingRun>): SelectQueryBuilder<MatchingRun> => {
      if (scope.kind === 'cluster') qb.andWhere('run.cluster_id = :scopeClusterId', { scopeClusterId: scope.clusterId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (filter.clusterId) qb.andWhere('run.cluster_id = :clusterId', { clusterId: filter.clusterId });
      if (filter.status) qb.andWhere('run.status = :status', { status: filter.status });
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }

  /** The queued or running run over this scope (null cluster = the hub), if any. */
  active(clusterId: string | null): Promise<MatchingRun | null> {
    return this.query((qb) => {
      qb.where(`run.status in ('queued', 'running')`);
      if (clusterId) qb.andWhere('run.cluster_id = :clusterId', { clusterId });
      else qb.andWhere('run.cluster_id is null');
      return qb.getOne();
    });
  }

  /**
   * queued → running (or a running run again, when a crashed attempt is retried); null when the run
   * is unknown or already finished, so a repeated job does nothing.
   */
  async claim(id: string): Promise<MatchingRun | null> {
    if (!isUuid(id)) return null;
    return this.tx(async (em) => {
      const rows: Array<{ id: string }> = await em.query(
        `update matching_runs set status = 'running', phase = 'loading', progress = $2, started_at = coalesce(started_at, app_now())
          where id = $1 and status in ('queued', 'running') returning id`,
        [id, PHASE_PROGRESS.loading],
      );
      return rows.length ? em.findOneBy(MatchingRun, { id }) : null;
    });
  }

  /** Moves a running run to the next phase (its own short transaction: pollers see it at once). */
  progress(id: string, phase: MatchingRunPhaseValue): Promise<void> {
    return this.tx(async (em) => {
      await em.query(`update matching_runs set phase = $2, progress = $3 where id = $1 and status = 'running'`, [
        id,
        phase,
        PHASE_PROGRESS[phase],
      ]);
    });
  }

  /** Moves the bar within the solving phase: forwards only, and only while the run is solving. */
  solvingProgress(id: string, progress: number): Promise<void> {
    return this.tx(async (em) => {
      await em.query(
        `update matching_runs set progress = $2 where id = $1 and status = 'running' and phase = 'solving' and progress < $2`,
        [id, progress],
      );
    });
  }

  /** The run locked for writing its result; null unless it is still running. */
  async lockRunning(em: EntityManager, id: string): Promise<MatchingRun | null> {
    const run = await em.createQueryBuilder(MatchingRun, 'run').where('run.id = :id', { id }).setLock('pessimistic_write').getOne();
    return run?.status === 'running' ? run : null;
  }

  async succeed(em: EntityManager, id: string, outcome: RunOutcome): Promise<void> {
    const { result } = outcome;
    await em.update(
      MatchingRun,
      { id },
      {
        status: 'succeeded',
        phase: 'done',
        progress: PHASE_PROGRESS.done,
        objective: result.objective,
        bound: result.bound,
        relativeGap: result.gap,
        optimal: result.optimal,
        requestsConsidered: result.stats.requests + outcome.leftOut.length,
        sessionsConsidered: result.stats.sessions,
        candidatePairs: result.stats.candidatePairs,
        proposalCount: result.proposals.length,
        unmatchedCount: result.unmatched.length + outcome.leftOut.length,
        pupilsCovered: result.stats.pupilsCovered,
        gapPupilsCovered: result.stats.gapPupilsCovered,
        loadMs: outcome.loadMs,
        solveMs: result.stats.millis.build + result.stats.millis.solve + result.stats.millis.explain,
        finishedAt: () => 'app_now()',
      },
    );
  }

  /** A queued or running run ends failed, saying why in words; false when it had already finished. */
  fail(id: string, errorCode: string, errorMessage: string): Promise<boolean> {
    return this.tx(async (em) => {
      // TypeORM answers an UPDATE with [rows, affected count], not the rows alone.
      const [, affected]: [unknown, number] = await em.query(
        `update matching_runs set status = 'failed', phase = 'done', error_code = $2, error_message = left($3, 2000), finished_at = app_now()
          where id = $1 and status in ('queued', 'running')`,
        [id, errorCode, errorMessage],
      );
      return affected > 0;
    });
  }
}

/** A proposal with the names a person reads it by. */
export interface ProposalView extends MatchingProposal {
  schoolName: string;
  employerName: string;
  offerTitle: string;
  activityType: string;
  format: string;
  yearGroup: number;
}

/** An unmatched request with what it asked for. */
export interface UnmatchedView extends MatchingUnmatchedRequest {
  schoolName: string;
  activityType: string;
  yearGroup: number;
  pupils: number;
}

const reasonsOf = (p: {
  reasons: readonly { code: string; params: Readonly<Record<string, string | number | boolean>>; text: string }[];
}): StoredMatchingReason[] => p.reasons.map((r) => ({ code: r.code, params: { ...r.params }, text: r.text }));

/** The employer's allowance left that month, as the proposal's reasons state it (null = no limit). */
function monthRemaining(p: SolverProposal): number | null {
  const allowance = p.reasons.find((r) => r.code === 'EMPLOYER_MONTH_ALLOWANCE');
  return allowance ? Math.max(0, Number(allowance.params['left'])) : null;
}

function sessionsRemaining(p: SolverProposal): number {
  return Math.max(0, Number(p.reasons.find((r) => r.code === 'OFFER_SESSIONS_LEFT')?.params['left'] ?? 0));
}

const CHUNK = 500;

@Injectable()
export class MatchingProposalRepository extends TenantRepository<MatchingProposal> {
  constructor(db: TenantDb) {
    super(db, MatchingProposal, 'proposal');
  }

  /** Stores a run's proposals and the requests it left out, in the caller's transaction. */
  async insertResult(em: EntityManager, tenantId: string, runId: string, outcome: RunOutcome): Promise<void> {
    const proposals = outcome.result.proposals.map((p) => ({
      tenantId,
      runId,
      requestId: p.requestId,
      offerSessionId: p.sessionId,
      offerId: p.offerId,
      schoolId: p.schoolId,
      employerId: p.employerId,
      startsAt: new Date(p.startsAt),
      endsAt: new Date(p.endsAt),
      benchmark: p.benchmark,
      pupils: p.pupils,
      gapPupilsClosed: p.gapPupilsClosed,
      distanceKm: p.distanceKm,
      points: p.points,
      employerMonthRemaining: monthRemaining(p),
      offerSessionsRemaining: sessionsRemaining(p),
      reasons: reasonsOf(p),
      summary: p.summary,
    }));
    const unmatched = [
      ...outcome.result.unmatched.map((u) => ({
        tenantId,
        runId,
        requestId: u.requestId,
        schoolId: u.schoolId,
        reasons: reasonsOf(u),
        summary: u.summary,
      })),
      ...outcome.leftOut.map((u) => ({
        tenantId,
        runId,
        requestId: u.requestId,
        schoolId: u.schoolId,
        reasons: u.reasons,
        summary: u.summary,
      })),
    ];
    for (let i = 0; i < proposals.length; i += CHUNK) await em.insert(MatchingProposal, proposals.slice(i, i + CHUNK));
    for (let i = 0; i < unmatched.length; i += CHUNK) await em.insert(MatchingUnmatchedRequest, unmatched.slice(i, i + CHUNK));
  }

  /**
   * Makes the newest look at each school the live one, whatever order runs finish in. Runs are
   * ordered by when they were requested (`seq`: the newer one read the hub later), so when `run` finishes:
   *  - undecided proposals of runs started before it, for schools in its scope, are superseded;
   *  - and its own proposals are superseded at once for schools that a run started after it (and
   *    already finished) covers: a slow hub run finishing after a quick cluster run does not bring
   *    back a second live proposal for the cluster's requests.
   * Finishes are serialised per hub (an advisory lock held to the end of the transaction), so two
   * runs finishing together cannot each miss the other's rows.
   */
  async supersedeEarlier(em: EntityManager, run: MatchingRun): Promise<{ earlier: number; own: number }> {
    await em.query(`select pg_advisory_xact_lock(hashtextextended('matching-finish:' || $1::text, 0))`, [run.tenantId]);
    const earlier: unknown[] = await em.query(
      `update matching_proposals p set status = 'superseded'
         from matching_runs r, schools s
        where r.id = p.run_id and s.id = p.school_id
          and p.status = 'proposed' and p.run_id <> $1 and r.seq < $2
          and ($3::uuid is null or s.cluster_id = $3::uuid)
       returning p.id`,
      [run.id, run.seq, run.clusterId],
    );
    const own: unknown[] = await em.query(
      `update matching_proposals p set status = 'superseded'
         from schools s
        where s.id = p.school_id and p.run_id = $1 and p.status = 'proposed'
          and exists (select 1 from matching_runs newer
                       where newer.status = 'succeeded' and newer.id <> $1 and newer.seq > $2
                         and (newer.cluster_id is null or newer.cluster_id = s.cluster_id))
       returning p.id`,
      [run.id, run.seq],
    );
    return { earlier: earlier.length, own: own.length };
  }

  /** The proposal locked for a decision (null when absent). */
  lock(id: string): Promise<MatchingProposal | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.query((qb) => qb.where('proposal.id = :id', { id }).setLock('pessimistic_write').getOne());
  }

  /** Proposals by id with the cluster of their run (for scope checks before any decision). */
  async withRunScope(ids: readonly string[]): Promise<Array<{ id: string; tenantId: string; clusterId: string | null }>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    return this.tx((em) =>
      em.query(
        `select p.id, p.tenant_id as "tenantId", r.cluster_id as "clusterId" from matching_proposals p join matching_runs r on r.id = p.run_id where p.id = any($1::uuid[])`,
        [valid],
      ),
    );
  }

  async decide(id: string, status: MatchingProposalStatusValue, bookingId: string | null, userId: string): Promise<void> {
    await this.tx((em) =>
      em.update(MatchingProposal, { id }, { status, bookingId, decidedByUserId: userId, decidedAt: () => 'app_now()' }),
    );
  }

  /** Proposals of these runs (optionally of one status), best first within each run, with names. */
  async viewsFor(runIds: readonly string[], status?: MatchingProposalStatusValue): Promise<ProposalView[]> {
    return this.views((qb) => {
      qb.where('proposal.run_id in (:...runIds)', { runIds });
      if (status) qb.andWhere('proposal.status = :status', { status });
      return qb.orderBy('proposal.points', 'DESC').addOrderBy('proposal.id', 'ASC');
    }, runIds);
  }

  async viewsByIds(ids: readonly string[]): Promise<ProposalView[]> {
    return this.views((qb) => qb.where('proposal.id in (:...ids)', { ids }), ids);
  }

  private async views(
    narrow: (qb: SelectQueryBuilder<MatchingProposal>) => SelectQueryBuilder<MatchingProposal>,
    keys: readonly string[],
  ): Promise<ProposalView[]> {
    if (!keys.filter(isUuid).length) return [];
    return this.query(async (qb) => {
      narrow(
        qb
          .innerJoin(School, 'school', 'school.id = proposal.school_id')
          .innerJoin(Employer, 'employer', 'employer.id = proposal.employer_id')
          .innerJoin(Offer, 'offer', 'offer.id = proposal.offer_id')
          .innerJoin(EncounterRequest, 'request', 'request.id = proposal.request_id')
          .addSelect('school.name', 'school_name')
          .addSelect('employer.name', 'employer_name')
          .addSelect('offer.title', 'offer_title')
          .addSelect('offer.activity_type', 'activity_type')
          .addSelect('offer.format', 'format')
          .addSelect('request.year_group', 'year_group'),
      );
      const { entities, raw } = await qb.getRawAndEntities<Record<string, unknown>>();
      const extra = new Map(raw.map((r) => [r['proposal_id'] as string, r]));
      return entities.map((p) => {
        const r = extra.get(p.id) ?? {};
        return Object.assign(p, {
          schoolName: String(r['school_name']),
          employerName: String(r['employer_name']),
          offerTitle: String(r['offer_title']),
          activityType: String(r['activity_type']),
          format: String(r['format']),
          yearGroup: Number(r['year_group']),
        });
      });
    });
  }
}

@Injectable()
export class MatchingUnmatchedRepository extends TenantRepository<MatchingUnmatchedRequest> {
  constructor(db: TenantDb) {
    super(db, MatchingUnmatchedRequest, 'unmatched');
  }

  /** The requests these runs left out, by school, with what each asked for. */
  async viewsFor(runIds: readonly string[]): Promise<UnmatchedView[]> {
    const ids = runIds.filter(isUuid);
    if (!ids.length) return [];
    return this.query(async (qb) => {
      qb.innerJoin(School, 'school', 'school.id = unmatched.school_id')
        .innerJoin(EncounterRequest, 'request', 'request.id = unmatched.request_id')
        .addSelect('school.name', 'school_name')
        .addSelect('request.activity_type', 'activity_type')
        .addSelect('request.year_group', 'year_group')
        .addSelect('request.pupil_count', 'pupils')
        .where('unmatched.run_id in (:...ids)', { ids })
        .orderBy('school.name', 'ASC')
        .addOrderBy('request.year_group', 'ASC')
        .addOrderBy('unmatched.id', 'ASC');
      const { entities, raw } = await qb.getRawAndEntities<Record<string, unknown>>();
      const extra = new Map(raw.map((r) => [r['unmatched_id'] as string, r]));
      return entities.map((u) => {
        const r = extra.get(u.id) ?? {};
        return Object.assign(u, {
          schoolName: String(r['school_name']),
          activityType: String(r['activity_type']),
          yearGroup: Number(r['year_group']),
          pupils: Number(r['pupils']),
        });
      });
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Clock, DEFAULT_MATCHING_WEIGHTS, DomainError, type MatchingResult, resolveMatchingWeights } from '@tandem/domain';
import { AuditLog, TenantContext, TenantDb, type MatchingRun } from '@tandem/persistence';
import { buildMatchingInput } from './matching-input';
import { MatchingProposalRepository, MatchingRunRepository } from './matching-runs.repository';
import { PHASE_PROGRESS, solvingPercent } from './matching-rules';
import { MatchingSolverThread } from './matching-solver-thread';
import { progressBar } from './progress-bar';
import { MatchingSnapshotRepository } from './matching-snapshot.repository';

/** The bar moves at most this often while the solver works. */
const PROGRESS_WRITE_EVERY_MS = 1_000;

export interface MatchingRunResult {
  /** True when there was nothing to do (unknown run, already finished, or finished by another attempt). */
  skipped: boolean;
  status?: 'succeeded' | 'failed';
  proposals?: number;
}

/**
 * The worker half of a matching run:
 *  1. claims the run (queued → running; a finished run is skipped, so a retry never runs it twice);
 *  2. reads the hub in one consistent snapshot and assembles the solver's input;
 *  3. solves with the run's weights and deterministic work limits (same input, same answer), on the
 *     solver's own thread so the worker's event loop stays free (MatchingSolverThread);
 *  4. stores the proposals, the unmatched requests and the outcome in one transaction, and marks
 *     undecided proposals superseded by the newest run over each school (see supersedeEarlier).
 * Each phase is reported in its own short transaction, so the progress bar moves while the result
 * stays invisible until it is complete. A problem with the data (the solver refusing its input)
 * fails the run with that message; a fault on our side is retried, then reported in plain words.
 */
@Injectable()
export class MatchingRunRunner {
  private readonly logger = new Logger(MatchingRunRunner.name);

  constructor(
    private readonly clock: Clock,
    private readonly db: TenantDb,
    private readonly runs: MatchingRunRepository,
    private readonly proposals: MatchingProposalRepository,
    private readonly snapshots: MatchingSnapshotRepository,
    private readonly solver: MatchingSolverThread,
  ) {}

  run(tenantId: string, runId: string, jobKey: string): Promise<MatchingRunResult> {
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: jobKey }, async () => {
      const run = await this.runs.claim(runId);
      if (!run) return { skipped: true };
      // The audit trail names the coordinator who asked for the run, not "the system".
      return TenantContext.run({ tenantId, actorUserId: run.requestedByUserId, correlationId: jobKey }, () =>
        this.execute(run, this.clock.now()),
      );
    });
  }

  /** After the last attempt failed: the run says so (nothing of it was written). */
  giveUp(tenantId: string, runId: string, jobKey: string, cause = 'of a fault on our side'): Promise<void> {
    return TenantContext.run({ tenantId, actorUserId: null, correlationId: jobKey }, async () => {
      const failed = await this.runs.fail(
        runId,
        'INTERNAL',
        `The run stopped because ${cause} (ref ${jobKey}); no proposals were made. Please start it again.`,
      );
      if (failed) this.logger.warn(`gave up on matching run ${jobKey}: ${cause}`);
    });
  }

  private async execute(run: MatchingRun, now: Date): Promise<MatchingRunResult> {
    const started = performance.now();
    const snapshot = await this.snapshots.load(run.clusterId, now);
    const { input, leftOut } = buildMatchingInput(snapshot);
    const loadMs = Math.round(performance.now() - started);
    await this.runs.progress(run.id, 'solving');
    let result: MatchingResult;
    try {
      const bar = progressBar((percent) => this.runs.solvingProgress(run.id, percent), {
        from: PHASE_PROGRESS.solving,
        everyMs: PROGRESS_WRITE_EVERY_MS,
        onError: (e) => this.logger.warn(`progress of matching run ${run.id} not saved: ${e instanceof Error ? e.message : String(e)}`),
      });
      result = await this.solver.solve(
        input,
        {
          weights: resolveMatchingWeights({ ...DEFAULT_MATCHING_WEIGHTS, ...run.weights }),
          maxWork: run.maxWork,
          maxBranchNodes: run.maxBranchNodes,
        },
        (p) => bar.report(solvingPercent(p.share)),
      );
      await bar.settled();
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'INTERNAL') throw e;
      // The hub's data broke a rule the solver checks: say which, in the run, instead of retrying.
      await this.runs.fail(run.id, e.code, `The hub's data could not be matched: ${e.message}`);
      return { skipped: false, status: 'failed' };
    }
    await this.runs.progress(run.id, 'saving');
    return this.db.transaction(async (em) => {
      const locked = await this.runs.lockRunning(em, run.id);
      if (!locked) return { skipped: true };
      await this.proposals.insertResult(em, run.tenantId, run.id, { result, leftOut, loadMs });
      const superseded = await this.proposals.supersedeEarlier(em, locked);
      await this.runs.succeed(em, run.id, { result, leftOut, loadMs });
      await AuditLog.record(em, {
        action: 'matching.run_finished',
        entityType: 'matching_run',
        entityId: run.id,
        detail: {
          clusterId: run.clusterId,
          proposals: result.proposals.length,
          unmatched: result.unmatched.length + leftOut.length,
          optimal: result.optimal,
          superseded: superseded.earlier,
          supersededOwn: superseded.own,
        },
      });
      return { skipped: false, status: 'succeeded', proposals: result.proposals.length };
    });
  }
}

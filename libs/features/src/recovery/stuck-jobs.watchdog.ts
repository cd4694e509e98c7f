import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { SystemDb, TenantContext, TenantDb } from '@tandem/persistence';
import { AppConfig, jobIdFor, QUEUE_NAMES } from '@tandem/platform';
import type { Queue } from 'bullmq';
import { MatchingJobsModule, MatchingRunRunner } from '@tandem/features/matching';
import { PupilImportJobsModule, PupilImportRunner } from '@tandem/features/pupils';

/** BullMQ states in which a job will still run (or is running): its row is not stuck. */
const ALIVE = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The last wall behind BullMQ's own recovery (issue 15, finding 1): an import or matching run left
 * `running` with no progress for `STUCK_JOB_MINUTES` (by the product's clock), whose BullMQ job is
 * no longer alive (failed, finished, or lost with Redis's data), is failed with a plain reason, so
 * nothing stays `running` for ever. Rows still `queued` are left alone (their job may be waiting in
 * the outbox while Redis is away); `onFailed` covers a queued job that BullMQ failed for good.
 */
@Injectable()
export class StuckJobsWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StuckJobsWatchdog.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly systemDb: SystemDb,
    private readonly tenantDb: TenantDb,
    private readonly imports: PupilImportRunner,
    private readonly matching: MatchingRunRunner,
    @InjectQueue(QUEUE_NAMES.imports) private readonly importsQueue: Queue,
    @InjectQueue(QUEUE_NAMES.matching) private readonly matchingQueue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    // A quarter of the deadline, at most a minute: a stuck row is failed within deadline + that.
    const everyMs = Math.min(60_000, (this.config.stuckJobMinutes * 60_000) / 4);
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) => this.logger.warn(`stuck-job sweep failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => (this.running = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every hub; returns how many rows it failed. */
  async sweep(): Promise<number> {
    const stuckBefore = new Date(this.clock.now().getTime() - this.config.stuckJobMinutes * 60_000);
    const cause = `it made no progress for ${this.config.stuckJobMinutes} minutes and no worker was running it`;
    let failed = 0;
    for (const tenant of await this.systemDb.listTenants()) {
      const rows = await TenantContext.run({ tenantId: tenant.id, actorUserId: null }, () =>
        this.tenantDb.transaction((em): Promise<Array<{ queue: 'imports' | 'matching'; id: string }>> =>
          em.query(
            `select 'imports' as queue, id from import_jobs where status = 'running' and updated_at < $1
             union all
             select 'matching', id from matching_runs where status = 'running' and updated_at < $1`,
            [stuckBefore],
          ),
        ),
      );
      for (const row of rows) {
        const jobId =
          row.queue === 'imports'
            ? jobIdFor.imports({ tenantId: tenant.id, importJobId: row.id })
            : jobIdFor.matching({ tenantId: tenant.id, runId: row.id });
        const job = await (row.queue === 'imports' ? this.importsQueue : this.matchingQueue).getJob(jobId);
        if (job && ALIVE.has(await job.getState())) continue;
        if (row.queue === 'imports') await this.imports.giveUp(tenant.id, row.id, jobId, cause);
        else await this.matching.giveUp(tenant.id, row.id, jobId, cause);
        failed += 1;
      }
    }
    return failed;
  }
}

/** The worker's watchdog over long jobs (imports, matching runs). */
@Module({
  imports: [PupilImportJobsModule, MatchingJobsModule],
  providers: [StuckJobsWatchdog],
  exports: [StuckJobsWatchdog],
})
export class RecoveryJobsModule {}

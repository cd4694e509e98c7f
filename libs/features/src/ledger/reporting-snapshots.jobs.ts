import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SystemDb, TenantContext } from '@tandem/persistence';
import { JOB_NAMES, jobIdFor, QUEUE_JOB_OPTIONS, QUEUE_NAMES, type LedgerSnapshotPayload } from '@tandem/platform';
import type { Job, Queue } from 'bullmq';
import { CoverageService } from './coverage.service';

/** Every night at 00:30 London time: a reporting day's snapshot is frozen within the first hour after it. */
export const REPORTING_SNAPSHOT_PATTERN = '30 0 * * *';
const RESYNC_MS = 10 * 60_000;

/**
 * The `ledger` queue: a hub's nightly check for reporting-day snapshots (31 Dec, 31 Mar, 31 Jul of the
 * current academic year) not yet taken. Idempotent: a day already frozen is never frozen again (and a
 * unique index says so too), so retries and duplicate runs are harmless.
 */
@Processor(QUEUE_NAMES.ledger, { concurrency: 1 })
export class ReportingSnapshotsProcessor extends WorkerHost {
  constructor(private readonly coverage: CoverageService) {
    super();
  }

  async process(job: Job<LedgerSnapshotPayload>): Promise<{ taken: string[] }> {
    const taken = await TenantContext.run({ tenantId: job.data.tenantId, actorUserId: null, correlationId: job.id ?? job.name }, () => this.coverage.takeDueReportingSnapshots(null));
    return { taken: taken.map((s) => s.asOf) };
  }
}

/**
 * One job scheduler per live hub, its id derived from the hub (`ledger.snapshots.<tenantId>`), so any
 * number of workers upserting it leave exactly one. New hubs are picked up by a re-sync every few
 * minutes; archived hubs lose theirs.
 */
@Injectable()
export class ReportingSnapshotSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportingSnapshotSchedulers.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(QUEUE_NAMES.ledger) private readonly queue: Queue,
    private readonly systemDb: SystemDb,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncQuietly();
    this.timer = setInterval(() => void this.syncQuietly(), RESYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many hubs have a scheduler. */
  async sync(): Promise<number> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = QUEUE_JOB_OPTIONS.ledger;
    let live = 0;
    for (const tenant of await this.systemDb.listTenants()) {
      const id = jobIdFor.ledger({ tenantId: tenant.id });
      if (tenant.archivedAt) {
        await this.queue.removeJobScheduler(id);
        continue;
      }
      await this.queue.upsertJobScheduler(
        id,
        { pattern: REPORTING_SNAPSHOT_PATTERN, tz: 'Europe/London' },
        { name: JOB_NAMES.ledger, data: { tenantId: tenant.id }, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
      );
      live += 1;
    }
    return live;
  }

  private async syncQuietly(): Promise<void> {
    try {
      await this.sync();
    } catch (err) {
      // Redis or PostgreSQL away: the next re-sync tries again, existing schedulers keep running.
      this.logger.warn(`reporting-snapshot schedulers not synced: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

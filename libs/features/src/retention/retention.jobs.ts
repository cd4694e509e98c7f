import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { jobIdFor, JOB_NAMES, QUEUE_JOB_OPTIONS, QUEUE_NAMES, type MaintenancePayload } from '@tandem/platform';
import type { Job, Queue } from 'bullmq';
import { RetentionService, type PurgeReport } from './retention.service';

/** Every night at 03:15 London time: a quiet hour, after the hubs' 00:30 snapshot checks. */
export const RETENTION_PATTERN = '15 3 * * *';

const RESYNC_MS = 10 * 60_000;

/** The `maintenance` queue's processor: the purge is idempotent, so a retry or a second run is harmless. */
@Processor(QUEUE_NAMES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly retention: RetentionService) {
    super();
  }

  async process(job: Job<MaintenancePayload>): Promise<PurgeReport> {
    if (job.data.task !== 'retention') throw new Error(`maintenance: unknown task ${String(job.data.task)}`);
    return this.retention.purge();
  }
}

/**
 * One job scheduler for the whole system (`maintenance.retention`), not one per hub or per worker:
 * every worker upserts the same id, so there is exactly one, whatever the number of workers (the
 * same pattern as HubSchedulers, without the hubs). Re-upserted every few minutes in case Redis lost it.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectQueue(QUEUE_NAMES.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncQuietly();
    this.timer = setInterval(() => void this.syncQuietly(), RESYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sync(): Promise<void> {
    const data: MaintenancePayload = { task: 'retention' };
    const { attempts, backoff, removeOnComplete, removeOnFail } = QUEUE_JOB_OPTIONS.maintenance;
    await this.queue.upsertJobScheduler(
      jobIdFor.maintenance(data),
      { pattern: RETENTION_PATTERN, tz: 'Europe/London' },
      { name: JOB_NAMES.maintenance, data, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
    );
  }

  private async syncQuietly(): Promise<void> {
    try {
      await this.sync();
    } catch (err) {
      this.logger.warn(`retention scheduler not synced: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SystemDb } from '@tandem/persistence';
import type { Queue } from 'bullmq';
import { JOB_NAMES, jobIdFor, QUEUE_JOB_OPTIONS } from './queues';

/** Queues whose jobs are "do this hub's recurring chore": the payload is just the hub. */
export type HubChoreQueue = 'nudges' | 'ledger';

const RESYNC_MS = 10 * 60_000;

/**
 * One BullMQ job scheduler per live hub on a recurring pattern (Europe/London). Its id is derived
 * from the hub (`jobIdFor[queue]`), so however many workers start and upsert it, each hub has exactly
 * one. New hubs are picked up by a re-sync every few minutes; archived hubs lose theirs. A feature
 * extends it with its queue and pattern (see NudgeSchedulers, ReportingSnapshotSchedulers).
 */
export abstract class HubSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;

  protected constructor(
    private readonly queue: Queue,
    private readonly systemDb: SystemDb,
    private readonly queueName: HubChoreQueue,
    /** A cron pattern read on the London wall clock, e.g. '0 7 * * *'. */
    private readonly pattern: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncQuietly();
    this.timer = setInterval(() => void this.syncQuietly(), RESYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Upserts the scheduler of every live hub and removes those of archived hubs; returns how many are live. */
  async sync(): Promise<number> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = QUEUE_JOB_OPTIONS[this.queueName];
    let live = 0;
    for (const tenant of await this.systemDb.listTenants()) {
      const id = jobIdFor[this.queueName]({ tenantId: tenant.id });
      if (tenant.archivedAt) {
        await this.queue.removeJobScheduler(id);
        continue;
      }
      await this.queue.upsertJobScheduler(
        id,
        { pattern: this.pattern, tz: 'Europe/London' },
        { name: JOB_NAMES[this.queueName], data: { tenantId: tenant.id }, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
      );
      live += 1;
    }
    return live;
  }

  private async syncQuietly(): Promise<void> {
    try {
      await this.sync();
    } catch (err) {
      // Redis or PostgreSQL away: the next re-sync tries again; existing schedulers keep running.
      this.logger.warn(`${this.queueName} schedulers not synced: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

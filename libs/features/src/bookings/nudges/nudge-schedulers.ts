import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SystemDb } from '@tandem/persistence';
import { JOB_NAMES, jobIdFor, QUEUE_JOB_OPTIONS, QUEUE_NAMES } from '@tandem/platform';
import type { Queue } from 'bullmq';

/** Every day at 07:00 London time (the mail it causes waits for the hub's sending hours). */
export const NUDGE_SCAN_PATTERN = '0 7 * * *';
const RESYNC_MS = 10 * 60_000;

/**
 * One BullMQ job scheduler per hub, whose id is derived from the hub (`nudges.<tenantId>`): however
 * many workers start and upsert it, each hub has exactly one, and it fires once a day. Hubs created
 * later are picked up by a re-sync every few minutes; archived hubs lose theirs.
 */
@Injectable()
export class NudgeSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NudgeSchedulers.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(QUEUE_NAMES.nudges) private readonly queue: Queue,
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

  /** Upserts the scheduler of every live hub and removes those of archived hubs; returns how many are live. */
  async sync(): Promise<number> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = QUEUE_JOB_OPTIONS.nudges;
    let live = 0;
    for (const tenant of await this.systemDb.listTenants()) {
      const id = jobIdFor.nudges({ tenantId: tenant.id });
      if (tenant.archivedAt) {
        await this.queue.removeJobScheduler(id);
        continue;
      }
      await this.queue.upsertJobScheduler(
        id,
        { pattern: NUDGE_SCAN_PATTERN, tz: 'Europe/London' },
        { name: JOB_NAMES.nudges, data: { tenantId: tenant.id }, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
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
      this.logger.warn(`nudge schedulers not synced: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

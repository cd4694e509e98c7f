import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SystemDb } from '@tandem/persistence';
import type { Queue } from 'bullmq';
import { JOB_NAMES, jobIdFor, QUEUE_JOB_OPTIONS } from './queues';

/** Queues whose jobs are "do this hub's recurring chore": the payload is just the hub. */
export type HubChoreQueue = 'nudges' | 'ledger';

/** A full re-sync (schedulers Redis may have lost come back). */
const RESYNC_MS = 10 * 60_000;
/** How often the list of hubs is read: a new or archived hub changes its schedulers within seconds. */
const WATCH_MS = 5_000;

/**
 * One BullMQ job scheduler per live hub on a recurring pattern (Europe/London). Its id is derived
 * from the hub (`jobIdFor[queue]`), so however many workers start and upsert it, each hub has exactly
 * one. The list of hubs is read every few seconds and, when a hub was added or archived, the
 * schedulers are synced at once (issue 15: a new hub waited up to 10 minutes); a full re-sync runs
 * every 10 minutes too. Archived hubs lose theirs. A feature
 * extends it with its queue and pattern (see NudgeSchedulers, ReportingSnapshotSchedulers).
 */
export abstract class HubSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private watcher: NodeJS.Timeout | undefined;
  /** The hubs (id and archived or not) the schedulers were last synced for. */
  private synced = '';
  private syncing = false;

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
    this.watcher = setInterval(() => void this.syncQuietly(true), WATCH_MS);
    this.watcher.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.watcher) clearInterval(this.watcher);
  }

  /** Upserts the scheduler of every live hub and removes those of archived hubs; returns how many are live. */
  async sync(): Promise<number> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = QUEUE_JOB_OPTIONS[this.queueName];
    let live = 0;
    const tenants = await this.systemDb.listTenants();
    for (const tenant of tenants) {
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
    this.synced = signature(tenants);
    return live;
  }

  /** Syncs (when `onlyIfChanged`, only if a hub was added or archived since the last sync); never throws. */
  private async syncQuietly(onlyIfChanged = false): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      if (onlyIfChanged && signature(await this.systemDb.listTenants()) === this.synced) return;
      await this.sync();
    } catch (err) {
      // Redis or PostgreSQL away: the next re-sync tries again; existing schedulers keep running.
      this.logger.warn(`${this.queueName} schedulers not synced: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.syncing = false;
    }
  }
}

function signature(tenants: ReadonlyArray<{ id: string; archivedAt: Date | null }>): string {
  return tenants
    .map((t) => `${t.id}${t.archivedAt ? '-' : '+'}`)
    .sort()
    .join(',');
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { SystemDb, TenantContext, TenantDb } from '@tandem/persistence';
import { ALL_QUEUE_NAMES, type QueueName, type QueuePayloads } from './queues';
import { QueueProducer } from './queue.producer';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

export interface OutboxRelayOptions {
  /** How often to look for committed rows when the last look found none (ms). Default 200. */
  pollIntervalMs?: number;
  /** Rows claimed per tenant per round. Default 500. */
  batchSize?: number;
  /** Start polling when the application boots. Default true (tests may drive `relayOnce`). */
  autoStart?: boolean;
  /** How long a claim keeps other relays off the rows (ms, by the product's clock). Default 60 s. */
  claimLeaseMs?: number;
}

interface OutboxRow {
  id: string;
  kind: string;
  payload: QueuePayloads[QueueName];
}

/**
 * Moves committed outbox rows to BullMQ (runs in the worker), each once it is due by the product's
 * Clock: a reminder a week ahead, or an email held for the hub's sending hours, waits in PostgreSQL
 * (durable, backed up) and goes to BullMQ as a job to run now when its time comes. So the clock
 * alone decides when mail goes out (a test that sets it to 08:00 sees the held email sent), and a
 * Redis that loses its data loses no scheduled mail. Per tenant with due rows:
 * claim a batch of pending rows (one short tenant transaction: `for update skip locked`, then a lease
 * of `claimLeaseMs` in `claimed_until`), add the jobs with their domain job ids, then mark those rows
 * relayed (a second short transaction). Two relays never claim the same row while a lease runs, so
 * they never add the same job twice (issue 15, finding 12). If the queue is down the claim is
 * released and the rows wait for the next round; if the relay dies after claiming, its lease ends and
 * another relay takes them; if marking fails after the add, the same job id is added again, which
 * BullMQ ignores.
 *
 * No transaction is held open while adding: with `QUEUE_BACKEND=postgres` the add is a query on
 * BullMQ's own connection, and on embedded PostgreSQL (one shared session, which runs one
 * transaction at a time) a transaction waiting on it would wait for ever, stalling every process.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly autoStart: boolean;
  private readonly claimLeaseMs: number;
  /** Written into the rows this relay claims. */
  private readonly relayId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly clock: Clock,
    private readonly systemDb: SystemDb,
    private readonly tenantDb: TenantDb,
    private readonly producer: QueueProducer,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions | null,
  ) {
    this.pollIntervalMs = options?.pollIntervalMs ?? 200;
    this.batchSize = options?.batchSize ?? 500;
    this.autoStart = options?.autoStart ?? true;
    this.claimLeaseMs = options?.claimLeaseMs ?? 60_000;
  }

  onApplicationBootstrap(): void {
    if (this.autoStart) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round over every tenant with rows due now (by the Clock); returns how many rows were relayed. */
  async relayOnce(): Promise<number> {
    const now = this.clock.now();
    let relayed = 0;
    for (const tenantId of await this.systemDb.tenantsWithDueOutboxRows(now, 1000)) {
      relayed += await TenantContext.run({ tenantId, actorUserId: null }, () => this.relayTenant(now));
    }
    return relayed;
  }

  private async relayTenant(now: Date): Promise<number> {
    const rows = await this.tenantDb.transaction((em): Promise<OutboxRow[]> =>
      em.query(
        `with claimed as (
             update notification_outbox o set claimed_by = $3, claimed_until = $4
               from (select id from notification_outbox
                      where status = 'pending' and available_at <= $2 and (claimed_until is null or claimed_until <= $2)
                      order by available_at, created_at
                      limit $1
                      for update skip locked) due
              where o.id = due.id
              returning o.id, o.kind, o.payload)
           select id, kind, payload from claimed`,
        [this.batchSize, now, this.relayId, new Date(now.getTime() + this.claimLeaseMs)],
      ),
    );
    if (!rows.length) return 0;
    try {
      return await this.addAndMark(rows);
    } catch (err) {
      // Let the next round (this relay's or another's) take them at once rather than after the lease.
      await this.tenantDb
        .transaction((em) =>
          em.query(
            `update notification_outbox set claimed_by = null, claimed_until = null where id = any($1::uuid[]) and claimed_by = $2 and status = 'pending'`,
            [rows.map((r) => r.id), this.relayId],
          ),
        )
        .catch(() => undefined);
      throw err;
    }
  }

  private async addAndMark(rows: OutboxRow[]): Promise<number> {
    const byQueue = new Map<QueueName, Array<{ payload: QueuePayloads[QueueName] }>>();
    for (const row of rows) {
      if (!(ALL_QUEUE_NAMES as readonly string[]).includes(row.kind))
        throw new Error(`outbox row ${row.id} names an unknown queue "${row.kind}"`);
      const queue = row.kind as QueueName;
      const list = byQueue.get(queue) ?? [];
      list.push({ payload: row.payload });
      byQueue.set(queue, list);
    }
    // Outside any transaction (see the class comment).
    for (const [queue, jobs] of byQueue) await this.producer.addBulk(queue, jobs);
    return this.tenantDb.transaction(async (em) => {
      const [, marked] = (await em.query(
        `update notification_outbox set status = 'relayed', relayed_at = app_now(), attempts = attempts + 1, claimed_by = null, claimed_until = null
          where id = any($1::uuid[]) and status = 'pending'`,
        [rows.map((r) => r.id)],
      )) as [unknown, number];
      return marked;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let relayed = 0;
    try {
      relayed = await this.relayOnce();
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      // Redis or PostgreSQL away: rows stay pending; back off up to 10 s and try again.
      this.logger.warn(`outbox relay round failed (${this.failures} in a row): ${err instanceof Error ? err.message : String(err)}`);
    }
    const backoff = this.failures ? Math.min(10_000, this.pollIntervalMs * 2 ** this.failures) : relayed ? 0 : this.pollIntervalMs;
    this.schedule(backoff);
  }
}

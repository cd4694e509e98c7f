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
 * read a batch of pending rows (one short tenant transaction), add the jobs with their domain job
 * ids, then mark those rows relayed (a second short transaction). If the queue is down nothing is
 * marked and the rows wait for the next round; if marking fails after the add, or two workers read
 * the same rows, the same job id is added again, which BullMQ ignores.
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
    const rows = await this.tenantDb.transaction(
      (em): Promise<OutboxRow[]> =>
        em.query(
          `select id, kind, payload from notification_outbox
            where status = 'pending' and available_at <= $2
            order by available_at, created_at
            limit $1`,
          [this.batchSize, now],
        ),
    );
    if (!rows.length) return 0;
    const byQueue = new Map<QueueName, Array<{ payload: QueuePayloads[QueueName] }>>();
    for (const row of rows) {
      if (!(ALL_QUEUE_NAMES as readonly string[]).includes(row.kind)) throw new Error(`outbox row ${row.id} names an unknown queue "${row.kind}"`);
      const queue = row.kind as QueueName;
      const list = byQueue.get(queue) ?? [];
      list.push({ payload: row.payload });
      byQueue.set(queue, list);
    }
    // Outside any transaction (see the class comment).
    for (const [queue, jobs] of byQueue) await this.producer.addBulk(queue, jobs);
    return this.tenantDb.transaction(async (em) => {
      const [, marked] = (await em.query(
        `update notification_outbox set status = 'relayed', relayed_at = app_now(), attempts = attempts + 1 where id = any($1::uuid[]) and status = 'pending'`,
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

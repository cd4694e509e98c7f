import { SystemClock, type Clock } from '@tandem/domain';
import type { SystemDb } from '@tandem/persistence';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Metrics } from './metrics';

/** BullMQ stamps jobs with the machine's time, so their age is measured on it too. */
const MACHINE_CLOCK = new SystemClock();

/** Rows counted at most per scrape: past this the relay is far behind and the exact number does not matter. */
export const OUTBOX_DUE_ROWS_CAP = 10_000;

interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** Connections of the app-role pool: in use is total − idle; waiting are queries queued for a connection. */
export function addPoolCollector(metrics: Metrics, dataSource: DataSource, pool: string): void {
  const total = metrics.gauge('tandem_db_pool_connections', 'Open connections of a PostgreSQL pool.', ['pool']);
  const idle = metrics.gauge('tandem_db_pool_idle_connections', 'Idle connections of a PostgreSQL pool.', ['pool']);
  const waiting = metrics.gauge('tandem_db_pool_waiting_clients', 'Queries waiting for a connection of a PostgreSQL pool.', ['pool']);
  const max = metrics.gauge('tandem_db_pool_max_connections', 'The most connections a PostgreSQL pool opens.', ['pool']);
  metrics.addCollector(
    'db_pool',
    async () => {
      const p = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
      if (!p) throw new Error('the data source has no pool (not initialised)');
      total.set({ pool }, p.totalCount);
      idle.set({ pool }, p.idleCount);
      waiting.set({ pool }, p.waitingCount);
      max.set({ pool }, p.options?.max ?? 10);
    },
    [total, idle, waiting, max],
  );
}

/** Per queue: jobs by state (counts are O(1) per state) and the age of the oldest job waiting to run. */
export function addQueueCollector(metrics: Metrics, queues: readonly Queue[]): void {
  const jobs = metrics.gauge('tandem_queue_jobs', 'Jobs in a queue by state (waiting includes prioritized).', ['queue', 'state']);
  const oldest = metrics.gauge('tandem_queue_oldest_waiting_job_age_seconds', 'Age of the oldest job waiting to run (0 when none waits).', [
    'queue',
  ]);
  metrics.addCollector(
    'queues',
    async () => {
      const now = MACHINE_CLOCK.now().getTime();
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
          jobs.set({ queue: queue.name, state: 'waiting' }, (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0));
          for (const state of ['active', 'delayed', 'failed'] as const) jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
          // asc: the oldest first; one job of each list is read, never the whole list.
          const heads = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
          const stamps = heads.map((j) => j.timestamp).filter((t) => Number.isFinite(t));
          oldest.set({ queue: queue.name }, stamps.length ? Math.max(0, (now - Math.min(...stamps)) / 1000) : 0);
        }),
      );
    },
    [jobs, oldest],
  );
}

/**
 * Outbox lag: how long the oldest row that is due (by the product's clock) has waited for the
 * relay, across every hub. One indexed query, the count capped.
 */
export function addOutboxCollector(metrics: Metrics, systemDb: SystemDb, clock: Clock): void {
  const lag = metrics.gauge(
    'tandem_outbox_oldest_due_age_seconds',
    'How long the oldest due outbox row has waited for the relay (0 when none).',
  );
  const due = metrics.gauge('tandem_outbox_due_rows', `Outbox rows due and not yet relayed (counted up to ${OUTBOX_DUE_ROWS_CAP}).`);
  metrics.addCollector(
    'outbox',
    async () => {
      const now = clock.now();
      const { oldestDue, dueRows } = await systemDb.outboxLag(now, OUTBOX_DUE_ROWS_CAP);
      lag.set(oldestDue ? Math.max(0, (now.getTime() - new Date(oldestDue).getTime()) / 1000) : 0);
      due.set(dueRows);
    },
    [lag, due],
  );
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one process (API or worker), on a registry of its own (several apps in
 * one test process do not share series). Labels are low-cardinality only: operation (a root field
 * of the schema), code, queue, kind, route: never a tenant, an id or anything a user typed.
 *
 * Counters and histograms move as things happen. Numbers that need a query (queue depth, outbox
 * lag, pool use) are read by collectors once per scrape, each within `COLLECTOR_TIMEOUT_MS`; a
 * collector that fails or times out reports `tandem_metrics_collector_up{collector} 0` and clears
 * its gauges rather than repeat stale numbers.
 */
export const COLLECTOR_TIMEOUT_MS = 2_000;

/** Seconds: from a fast read (5 ms) to a slow mutation (10 s). */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: a one-recipient email (50 ms) to a 10 MB import or a large matching run (30 min). */
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type MetricsCollector = () => Promise<void>;

export class Metrics {
  readonly registry = new Registry();

  readonly graphqlRequestDuration = new Histogram({
    name: 'tandem_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation (the root field asked for) and outcome code (OK or the error code), with their duration.',
    labelNames: ['operation', 'code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  readonly httpRequestDuration = new Histogram({
    name: 'tandem_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, with their duration.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  readonly emailsSent = new Counter({
    name: 'tandem_emails_sent_total',
    help: 'Emails the SMTP server accepted, by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly emailFailures = new Counter({
    name: 'tandem_email_failures_total',
    help: 'Emails the SMTP server refused or that could not be handed over (the job retries), by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'tandem_job_failures_total',
    help: 'Failed job attempts by queue; final="true" when no attempt is left.',
    labelNames: ['queue', 'final'] as const,
    registers: [this.registry],
  });

  readonly jobStalls = new Counter({
    name: 'tandem_job_stalls_total',
    help: 'Jobs found stalled (their worker died or blocked past the lock) and put back, by queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'tandem_job_duration_seconds',
    help: 'Job attempts by queue and outcome (completed, failed), with their duration: imports and matching runs included.',
    labelNames: ['queue', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  private readonly collectorUp = new Gauge({
    name: 'tandem_metrics_collector_up',
    help: '1 when the collector read its numbers at the last scrape, 0 when it failed or timed out.',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });

  private readonly collectors = new Map<string, { collect: MetricsCollector; clear: () => void }>();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // CPU, memory, event-loop lag, GC, handles: the process's own health.
    if (options.defaultMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters (promtool's lint refuses them); the same numbers stay per type
      // in nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
      for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
        this.registry.removeSingleMetric(name);
    }
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
  }

  /** Runs `collect` at every scrape; `gauges` are cleared when it fails. */
  addCollector(name: string, collect: MetricsCollector, gauges: ReadonlyArray<Gauge<string>>): void {
    this.collectors.set(name, { collect, clear: () => gauges.forEach((g) => g.reset()) });
  }

  /** The text exposition, after every collector ran (in parallel, each within its time limit). */
  async scrape(): Promise<string> {
    await Promise.all(
      [...this.collectors].map(async ([name, { collect, clear }]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            collect(),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), COLLECTOR_TIMEOUT_MS))),
          ]);
          this.collectorUp.set({ collector: name }, 1);
        } catch {
          clear();
          this.collectorUp.set({ collector: name }, 0);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * Issue 15, finding 3 ("on-call is blind"): the API and the worker serve Prometheus metrics. This
 * scrapes both around real work (GraphQL requests, a refused one, an email through the outbox, a
 * job that fails, a job that stalls) and checks the series exist and move, that the output passes
 * `promtool check metrics`, and that /metrics is not on the public API port.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { ReportingSnapshotsProcessor } from '@tandem/features';
import { OutboxRelay, redisConnectionFor, QUEUE_NAMES } from '@tandem/platform';
import { startSmtpSink, waitFor, type SmtpSink } from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';

jest.setTimeout(60_000);

let api: TestApi;
let worker: TestWorker;
let sink: SmtpSink;
let hub: HubFixture;
/** What the worker wrote to stdout (its warnings: LOG_LEVEL=warn). */
const stdout: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    stdout.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url });
  // The relay is driven by hand, so the outbox's lag can be seen before it moves the rows.
  worker = await startTestWorker(api, { smtpUrl: sink.url, relay: { autoStart: false }, env: { LOG_LEVEL: 'warn' } });
  hub = await createHubFixture(api);
});

function warnings(msg: string): Array<Record<string, unknown>> {
  return stdout
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e['level'] === 'warn' && e['msg'] === msg);
}

afterAll(async () => {
  process.stdout.write = write;
  await worker?.close();
  await api?.close();
  await sink?.close();
});

/** The value of one sample (`name{labels}`), or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrapeApi(): Promise<string> {
  const res = await fetch(api.metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

function promtool(text: string): { status: number | null; output: string } {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is missing (infra/scripts/ensure-services.sh installs it): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

it('the API counts GraphQL requests by operation and code, with latency, and its pool; promtool accepts it', async () => {
  const before = await scrapeApi();
  const ok = (t: string): number => sample(t, 'tandem_graphql_request_duration_seconds_count', { operation: 'me', code: 'OK' }) ?? 0;
  const refused = (t: string): number =>
    sample(t, 'tandem_graphql_request_duration_seconds_count', { operation: 'pupil', code: 'UNAUTHENTICATED' }) ?? 0;

  for (let i = 0; i < 3; i++) await api.ok('query Me { me { userId } }', {}, hub.tokens.coordinator);
  await api.fails('query($id: ID!) { pupil(id: $id) { reference } }', { id: '00000000-0000-4000-8000-000000000000' });

  const after = await scrapeApi();
  expect(ok(after) - ok(before)).toBe(3);
  expect(refused(after) - refused(before)).toBe(1);
  expect(sample(after, 'tandem_graphql_request_duration_seconds_bucket', { operation: 'me', code: 'OK', le: '+Inf' })).toBe(ok(after));
  expect(sample(after, 'tandem_graphql_request_duration_seconds_sum', { operation: 'me', code: 'OK' })).toBeGreaterThan(0);
  expect(
    sample(after, 'tandem_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_code: '200' }),
  ).toBeGreaterThanOrEqual(4);
  // The pool the requests used: open connections, within its maximum, none waiting now.
  expect(sample(after, 'tandem_db_pool_connections', { pool: 'app' })).toBeGreaterThan(0);
  expect(sample(after, 'tandem_db_pool_max_connections', { pool: 'app' })).toBeGreaterThanOrEqual(
    sample(after, 'tandem_db_pool_connections', { pool: 'app' }) ?? Infinity,
  );
  expect(sample(after, 'tandem_db_pool_waiting_clients', { pool: 'app' })).toBe(0);
  expect(sample(after, 'tandem_db_pool_idle_connections', { pool: 'app' })).toBeDefined();
  expect(sample(after, 'tandem_metrics_collector_up', { collector: 'db_pool' })).toBe(1);
  expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  // Labels never carry a tenant or an id.
  expect(after).not.toContain(hub.tenantId);
  expect(after).not.toContain(hub.principals.coordinator.userId);

  const check = promtool(after);
  expect(check.output).toBe('');
  expect(check.status).toBe(0);
});

it('/metrics is not served on the public API port', async () => {
  const res = await fetch(`${api.url}/metrics`);
  expect(res.status).toBe(404);
  expect(api.metricsUrl).not.toContain(api.url);
});

it('the worker reports outbox lag, queue depth and oldest job age, emails sent and job durations; promtool accepts it', async () => {
  const mailQueue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail), { strict: false });
  const relay = worker.app.get(OutboxRelay);
  const sentBefore = sample(await worker.metrics(), 'tandem_emails_sent_total', { kind: 'password_reset' }) ?? 0;

  // A password reset writes one outbox row for the mail queue; the relay is not running.
  await api.ok('mutation($email: String!) { requestPasswordReset(email: $email) }', { email: hub.emails.coordinatorB });
  let text = await worker.metrics();
  expect(sample(text, 'tandem_outbox_due_rows')).toBe(1);
  expect(sample(text, 'tandem_outbox_oldest_due_age_seconds')).toBeLessThan(5);
  api.clock.advance(5 * 60_000);
  text = await worker.metrics();
  expect(sample(text, 'tandem_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(300);
  expect(sample(text, 'tandem_metrics_collector_up', { collector: 'outbox' })).toBe(1);

  // The queue held (paused), the row relayed: the job waits, and the outbox is caught up.
  await mailQueue.pause();
  expect(await relay.relayOnce()).toBe(1);
  text = await worker.metrics();
  expect(sample(text, 'tandem_outbox_due_rows')).toBe(0);
  expect(sample(text, 'tandem_outbox_oldest_due_age_seconds')).toBe(0);
  expect(sample(text, 'tandem_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(1);
  expect(sample(text, 'tandem_queue_oldest_waiting_job_age_seconds', { queue: 'mail' })).toBeGreaterThanOrEqual(0);
  expect(sample(text, 'tandem_queue_jobs', { queue: 'imports', state: 'waiting' })).toBe(0);
  expect(sample(text, 'tandem_metrics_collector_up', { collector: 'queues' })).toBe(1);

  // Released: the email goes out, the counters move.
  await mailQueue.resume();
  await sink.waitFor((m) => m.to.includes(hub.emails.coordinatorB.toLowerCase()));
  text = await waitFor(async () => {
    const t = await worker.metrics();
    return (sample(t, 'tandem_job_duration_seconds_count', { queue: 'mail', outcome: 'completed' }) ?? 0) >= 1 && t;
  }, 'the mail job to be counted');
  expect(sample(text, 'tandem_emails_sent_total', { kind: 'password_reset' })).toBe(sentBefore + 1);
  expect(sample(text, 'tandem_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(0);
  expect(sample(text, 'tandem_queue_oldest_waiting_job_age_seconds', { queue: 'mail' })).toBe(0);

  const check = promtool(text);
  expect(check.output).toBe('');
  expect(check.status).toBe(0);
});

it('a failing job and a stalled job are each counted and logged as a warning', async () => {
  const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail), { strict: false });
  const failures = (t: string): number => sample(t, 'tandem_job_failures_total', { queue: 'mail', final: 'true' }) ?? 0;
  const before = failures(await worker.metrics());
  // A kind no composer knows: the handler throws; one attempt only, so it is final.
  await queue.add('mail', { tenantId: hub.tenantId, kind: 'no_such_kind' } as never, { jobId: 'mail.metrics-test.fails', attempts: 1 });
  await waitFor(async () => failures(await worker.metrics()) === before + 1, 'the failure to be counted');
  expect(warnings('job failed, no attempt left')).toEqual([
    expect.objectContaining({
      context: 'queue',
      queue: 'mail',
      jobName: 'mail',
      jobId: 'mail.metrics-test.fails',
      attempt: 1,
      attempts: 1,
      reason: 'no mail composer for kind "…"',
    }),
  ]);

  // A stall, made for real: a second worker takes a ledger job with a short lock and goes away
  // without finishing it; once the lock has lapsed, the product's worker finds it stalled.
  const ledger = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.ledger), { strict: false });
  const host = worker.app.get(ReportingSnapshotsProcessor, { strict: false });
  const stalls = (t: string): number => sample(t, 'tandem_job_stalls_total', { queue: 'ledger' }) ?? 0;
  const stallsBefore = stalls(await worker.metrics());
  await host.worker.pause(); // waits out its blocking fetch, so the job below is left for the other worker
  await ledger.add('reporting-snapshots', { tenantId: hub.tenantId }, { jobId: 'ledger.metrics-test.stall' });
  const connection = redisConnectionFor(api.config.redisUrl);
  const other = new Worker(QUEUE_NAMES.ledger, null, {
    connection,
    prefix: api.queuePrefix,
    autorun: false,
    lockDuration: 300,
    stalledInterval: 100,
  });
  const job = await other.getNextJob('other-worker-token');
  expect(job?.id).toBe('ledger.metrics-test.stall');
  // BullMQ checks a queue for stalls at most once per stalledInterval (30 s for the product's
  // workers), remembered in this key: deleting it stands in for waiting that long.
  const redis = new IORedis(api.config.redisUrl);
  const checkedKey = `${api.queuePrefix}:${QUEUE_NAMES.ledger}:stalled-check`;
  await redis.del(checkedKey);
  await other.startStalledCheckTimer(); // marks the active job "to check next time"
  await other.close(true);
  await waitFor(async () => (await redis.exists(`${api.queuePrefix}:${QUEUE_NAMES.ledger}:${job?.id}:lock`)) === 0, 'the lock to lapse');
  await redis.del(checkedKey);
  redis.disconnect();
  host.worker.resume(); // its stalled check runs at once: the job has no lock, so it stalled
  await waitFor(async () => stalls(await worker.metrics()) === stallsBefore + 1, 'the stall to be counted');
  const stalled = await waitFor(async () => warnings('job stalled, put back to run again')[0], 'the stall warning');
  expect(stalled).toMatchObject({ context: 'queue', queue: 'ledger', jobName: 'reporting-snapshots', jobId: 'ledger.metrics-test.stall' });
  expect(String(stalled['reason'])).toContain('lock');
});

it('every metric the alert rules use (infra/prometheus/alerts.yml) is served by the API or the worker', async () => {
  const rules = readFileSync(path.join(__dirname, '..', '..', 'infra', 'prometheus', 'alerts.yml'), 'utf8');
  const used = new Set(
    [...rules.matchAll(/\b((?:tandem|nodejs|process)_[a-z0-9_]+)/g)].map((m) => (m[1] as string).replace(/_(bucket|count|sum)$/, '')),
  );
  const served = new Set([...`${await scrapeApi()}\n${await worker.metrics()}`.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1] as string));
  expect(used.size).toBeGreaterThanOrEqual(10);
  expect([...used].filter((name) => !served.has(name))).toEqual([]);
});

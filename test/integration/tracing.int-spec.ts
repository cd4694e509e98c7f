/**
 * Issue 15, finding 3: traces behind a setting. A real API process with OTEL_TRACES_EXPORTER=console
 * (spans as JSON lines on stdout): one GraphQL request yields one trace, with the HTTP server span,
 * GraphQL's spans and the pg queries it made under it, and the request's access-log line carries
 * that trace's id. A request that touches Redis (/health) gets a Redis span. With the setting off
 * (every other test), there are no spans and no trace ids.
 */
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { formatKeyRing } from '@tandem/platform';
import { startSmtpSink, waitFor, type SmtpSink } from '@tandem/test-support';
import { startApiProcess, startWorkerProcess, type Proc } from './processes';

jest.setTimeout(120_000);

let api: TestApi;
let hub: HubFixture;
let proc: Proc & { url: string };
let worker: Proc;
let sink: SmtpSink;
let env: Record<string, string>;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi();
  hub = await createHubFixture(api);
  env = {
    NODE_ENV: 'test',
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: api.config.redisUrl,
    QUEUE_PREFIX: api.queuePrefix,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    LOG_LEVEL: 'info',
    OTEL_TRACES_EXPORTER: 'console',
    SMTP_URL: sink.url,
  };
  proc = await startApiProcess(env);
  worker = await startWorkerProcess(env);
});

afterAll(async () => {
  await worker?.stop();
  await proc?.stop();
  await api?.close();
  await sink?.close();
});

type Entry = Record<string, unknown>;
function entries(of: Proc = proc): Entry[] {
  return of
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Entry);
}

async function traced(requestId: string, expectSpans: (spans: Entry[]) => boolean): Promise<{ access: Entry; spans: Entry[] }> {
  return waitFor(
    async () => {
      const all = entries();
      const access = all.find((e) => e['context'] === 'access' && e['requestId'] === requestId);
      if (!access) return undefined;
      const spans = all.filter((e) => e['msg'] === 'span' && e['traceId'] === access['traceId']);
      return expectSpans(spans) && { access, spans };
    },
    `the access line and spans of ${requestId}`,
    30_000,
  );
}

it('one GraphQL request gives one trace: HTTP, GraphQL and pg spans, and its id in the access-log line', async () => {
  const res = await fetch(`${proc.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.tokens.coordinator}`, 'x-request-id': 'trace-me-1' },
    body: JSON.stringify({ query: 'query Me { me { userId } }' }),
  });
  expect(res.status).toBe(200);
  const isServer = (s: Entry): boolean => s['kind'] === 'SERVER';
  const { access, spans } = await traced('trace-me-1', (s) => s.some(isServer));
  expect(access['traceId']).toMatch(/^[0-9a-f]{32}$/);
  expect(access['spanId']).toMatch(/^[0-9a-f]{16}$/);

  const server = spans.filter(isServer);
  expect(server).toHaveLength(1);
  expect(server[0]?.['spanId']).toBe(access['spanId']);
  expect(server[0]?.['parentSpanId']).toBeUndefined();
  expect(spans.some((s) => String(s['name']).startsWith('graphql.') || String(s['name']).startsWith('query'))).toBe(true);
  expect(
    spans.some(
      (s) => (s['attributes'] as Entry)['db.system'] === 'postgresql' || (s['attributes'] as Entry)['db.system.name'] === 'postgresql',
    ),
  ).toBe(true);
  // Every span of the trace hangs under the request: one root.
  expect(spans.filter((s) => s['parentSpanId'] === undefined)).toHaveLength(1);
  // Spans name the statement's verb and database, never its text, values or the request's fields.
  expect(JSON.stringify(spans)).not.toMatch(/\bfrom\b|\bwhere\b|\$1|userId/i);
});

it('a request that talks to Redis gets a Redis span in its trace', async () => {
  await fetch(`${proc.url}/health`, { headers: { 'x-request-id': 'trace-health-1' } });
  const isRedis = (s: Entry): boolean =>
    ['redis'].includes(String((s['attributes'] as Entry)['db.system'] ?? (s['attributes'] as Entry)['db.system.name']));
  const { spans } = await traced('trace-health-1', (s) => s.some(isRedis));
  expect(spans.filter(isRedis).length).toBeGreaterThanOrEqual(1);
});

it('every line a request logs carries its trace and span ids', async () => {
  await fetch(`${proc.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-refused-1' },
    body: JSON.stringify({ query: '{ pupil(id: "00000000-0000-4000-8000-000000000000") { reference } }' }),
  });
  const { access } = await traced('trace-refused-1', (s) => s.length > 0);
  const refusal = entries().find((e) => e['msg'] === 'GraphQL request refused' && e['traceId'] === access['traceId']);
  expect(refusal).toMatchObject({ level: 'warn', code: 'UNAUTHENTICATED' });
  expect(refusal?.['spanId']).toMatch(/^[0-9a-f]{16}$/);
});

it('a job in the worker is a trace of its own: its span, the pg queries under it, and its log lines carry its id', async () => {
  await fetch(`${proc.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!) { requestPasswordReset(email: $email) }',
      variables: { email: hub.emails.coordinatorB },
    }),
  });
  await sink.waitFor((m) => m.to.includes(hub.emails.coordinatorB.toLowerCase()), 60_000);
  const { job, spans, lines } = await waitFor(
    async () => {
      const all = entries(worker);
      const job = all.find((e) => e['msg'] === 'span' && e['name'] === 'job mail');
      if (!job) return undefined;
      const spans = all.filter((e) => e['msg'] === 'span' && e['traceId'] === job['traceId']);
      const lines = all.filter((e) => e['msg'] !== 'span' && e['traceId'] === job['traceId']);
      return lines.length > 0 && { job, spans, lines };
    },
    'the mail job span and its log line',
    30_000,
  );
  expect(job).toMatchObject({ kind: 'CONSUMER', attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': 'mail' } });
  expect(job['parentSpanId']).toBeUndefined();
  expect(spans.some((s) => (s['attributes'] as Entry)['db.system.name'] === 'postgresql' && s['parentSpanId'] === job['spanId'])).toBe(
    true,
  );
  expect(lines.some((l) => String(l['msg']).startsWith('sent password_reset'))).toBe(true);
  // Neither the address nor the job's data is on a span.
  expect(JSON.stringify(spans)).not.toContain(hub.emails.coordinatorB);
});

/**
 * Issue 15, finding 2: Redis down must not take the API down. A private `redis-server` (never the
 * shared one) is killed while the API and a worker process run: the API's liveness never looks at
 * Redis, readiness stays 200 and says "degraded", reads and writes go on (a write's email waits in
 * the outbox, in PostgreSQL); once Redis is back, the outbox drains and the email goes out once.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { ALL_QUEUE_NAMES, formatKeyRing } from '@tandem/platform';
import { startSmtpSink, type SmtpSink } from '@tandem/test-support';
import type { Queue } from 'bullmq';
import { asTenant, bookableOffer, requestSlot, waitFor } from './booking-helpers';
import { startRedis, startWorkerProcess, type RedisProc, type WorkerProc } from './processes';

jest.setTimeout(180_000);

let redis: RedisProc;
let sink: SmtpSink;
let api: TestApi;
let hub: HubFixture;
let worker: WorkerProc;

beforeAll(async () => {
  redis = await startRedis();
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url, env: { REDIS_URL: redis.url } });
  hub = await createHubFixture(api);
  worker = await startWorkerProcess({
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    NODE_ENV: 'test',
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: api.queuePrefix,
    SMTP_URL: sink.url,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    PUBLIC_APP_URL: api.config.publicAppUrl,
    PUBLIC_API_URL: api.url,
    LOG_LEVEL: 'info',
  });
}, 120_000);

afterAll(async () => {
  await worker?.kill9();
  await api?.close();
  await sink?.close();
  await redis?.stop();
});

async function probe(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const pendingOutbox = async (): Promise<number> =>
  (
    await asTenant<{ n: number }>(
      api,
      hub,
      `select count(*)::int as n from notification_outbox where status = 'pending' and available_at <= $1`,
      [api.clock.now()],
    )
  )[0]?.n ?? -1;

it('the worker answers its own probes on its HTTP port', async () => {
  expect(worker.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(await probe(`${worker.httpUrl}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
  const ready = await probe(`${worker.httpUrl}/health/ready`);
  expect(ready.status).toBe(200);
  expect(ready.body).toMatchObject({
    status: 'ok',
    database: { ok: true },
    consumers: Object.fromEntries(ALL_QUEUE_NAMES.map((n) => [n, true])),
  });
  expect((await fetch(`${worker.httpUrl}/nothing-here`)).status).toBe(404);
});

it('with Redis stopped the API stays live and ready (degraded), serves reads and writes, and the outbox drains once Redis is back', async () => {
  const offer = await bookableOffer(api, hub, { days: [12, 13] });
  const before = await requestSlot(api, hub, offer.sessionIds[0] as string);
  await sink.waitFor((m) => m.messageId?.includes(before.id) === true, 60_000);

  // The API's queue connections report the loss and reconnect by themselves (quietly, here).
  for (const name of ALL_QUEUE_NAMES) api.app.get<Queue>(getQueueToken(name)).on('error', () => undefined);
  await redis.crash();

  expect(await probe(`${api.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
  const ready = await probe(`${api.url}/health/ready`);
  expect(ready).toMatchObject({ status: 200, body: { status: 'degraded', database: { ok: true }, queue: { ok: false } } });
  expect((await probe(`${api.url}/health`)).status).toBe(200);

  // A read and a write, through GraphQL, while Redis is away.
  const read = await api.ok<{ booking: { id: string; state: string } }>(
    'query($id: ID!) { booking(id: $id) { id state } }',
    { id: before.id },
    hub.tokens.hubAdmin,
  );
  expect(read.booking).toEqual({ id: before.id, state: 'accepted_by_school' });
  const during = await requestSlot(api, hub, offer.sessionIds[1] as string);
  expect(during.state).toBe('accepted_by_school');
  // Its email waits in the outbox (the relay cannot reach Redis).
  expect(await pendingOutbox()).toBeGreaterThanOrEqual(1);
  expect(sink.messages.some((m) => m.messageId?.includes(during.id))).toBe(false);

  await redis.restart();
  await sink.waitFor((m) => m.messageId?.includes(during.id) === true, 90_000);
  await waitFor(async () => (await pendingOutbox()) === 0, 'the outbox to drain', 60_000);
  expect(sink.messages.filter((m) => m.messageId?.includes(during.id))).toHaveLength(1);
  expect(await probe(`${api.url}/health/ready`)).toMatchObject({ status: 200, body: { status: 'ok', queue: { ok: true } } });
});

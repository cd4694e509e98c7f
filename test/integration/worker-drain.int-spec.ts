/**
 * Issue 15, finding 5: SIGTERM drains. A worker process is stopped (SIGTERM) while mail jobs are
 * running against a slow SMTP server: it takes no more jobs, finishes the running ones, and only
 * then closes its pools. No attempt fails (before, the mail pool closed first and every running send
 * failed with "Connection pool was closed"); the next worker sends the rest, each email once.
 */
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { formatKeyRing, QUEUE_NAMES } from '@tandem/platform';
import { Queue } from 'bullmq';
import { asTenant, bookableOffer, mailSettled, requestSlot, waitFor } from './booking-helpers';
import { startFaultSink, type FaultSink } from './fault-smtp-sink';
import { startWorkerProcess, type WorkerProc } from './processes';

jest.setTimeout(240_000);

let sink: FaultSink;
let api: TestApi;
let hub: HubFixture;
let queue: Queue;
const workers: WorkerProc[] = [];

beforeAll(async () => {
  sink = await startFaultSink();
  api = await startTestApi({ smtpUrl: sink.url });
  hub = await createHubFixture(api);
  queue = new Queue(QUEUE_NAMES.mail, { connection: { url: api.config.redisUrl }, prefix: api.queuePrefix });
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill9()));
  await queue?.close();
  await api?.close();
  await sink?.close();
});

async function worker(): Promise<WorkerProc> {
  const w = await startWorkerProcess({
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    NODE_ENV: 'test',
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: api.config.redisUrl,
    QUEUE_PREFIX: api.queuePrefix,
    SMTP_URL: sink.url,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    PUBLIC_APP_URL: api.config.publicAppUrl,
    PUBLIC_API_URL: api.url,
    LOG_LEVEL: 'info',
  });
  workers.push(w);
  return w;
}

/** Every mail job's failed attempts (BullMQ keeps each failed attempt's error in the stack trace list). */
async function failedAttempts(): Promise<string[]> {
  const jobs = await queue.getJobs(['completed', 'failed', 'delayed', 'waiting', 'active', 'prioritized']);
  return jobs.flatMap((j) => [...(j.stacktrace ?? []), ...(j.failedReason ? [j.failedReason] : [])]);
}

it('SIGTERM under load: running sends finish, no attempt fails, the next worker sends the rest once', async () => {
  // The 40 emails wait in the outbox until a worker starts; then 16 run at once over 3 connections.
  const offer = await bookableOffer(api, hub, { days: Array.from({ length: 40 }, (_, i) => 10 + (i % 30)) });
  const ids: string[] = [];
  for (const sessionId of offer.sessionIds) ids.push((await requestSlot(api, hub, sessionId)).id);
  sink.replyAfter(400);
  const first = await worker();
  await waitFor(async () => sink.messages.length >= 3 && (await queue.getJobCounts('active')).active >= 10, 'sends under way', 60_000);

  await first.stop();
  expect(first.output()).toContain('"msg":"drained"');
  expect(await failedAttempts()).toEqual([]);
  expect(await queue.getJobCounts('active', 'failed', 'delayed')).toEqual({ active: 0, failed: 0, delayed: 0 });
  const sentBeforeStop = sink.messages.length;
  expect(sentBeforeStop).toBeLessThan(40);

  sink.replyAfter(0);
  await worker();
  await waitFor(async () => sink.messages.length >= 40, '40 emails', 120_000);
  await mailSettled(api, queue);
  const perBooking = ids.map((id) => sink.messages.filter((m) => m.kind === 'booking_request' && m.messageId.includes(`.${id}.`)).length);
  expect(perBooking).toEqual(ids.map(() => 1));
  expect(await failedAttempts()).toEqual([]);
  const [log] = await asTenant<{ n: number }>(api, hub, `select count(*)::int as n from sent_emails where kind = 'booking_request'`);
  expect(log?.n).toBe(40);
});

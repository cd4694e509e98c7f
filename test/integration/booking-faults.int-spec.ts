/**
 * Fault tests with real processes: the worker runs as its own OS process (as in production), on a
 * private Redis it can lose, sending to an SMTP server that can refuse or hang. In each case every
 * expected email arrives exactly once and no state is lost:
 *
 * - the worker is killed (-9) while messages are on the wire;
 * - the SMTP server answers 451 for a while, then recovers;
 * - Redis is killed and restarted (its append-only file keeps the queues);
 * - three workers run at once (and keep one nudge scheduler per hub).
 *
 * Mail is matched to bookings by Message-ID, which is derived from the job (so from the booking).
 * The sink commits each message at the end of DATA, as a real server does, and the workers ask it
 * (MAIL_DELIVERY_CHECK_URL) before resending one cut off in the crash window; the same kill without
 * that check is measured in mail-crash-window.int-spec.ts.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { ALL_QUEUE_NAMES, formatKeyRing, jobIdFor, QUEUE_NAMES } from '@tandem/platform';
import { Queue } from 'bullmq';
import { ACCEPT, asTenant, bookableOffer, mailSettled, requestSlot, waitFor, type BookableOffer } from './booking-helpers';
import { startFaultSink, type FaultMessage, type FaultSink } from './fault-smtp-sink';
import { startRedis, startWorkerProcess, type Proc, type RedisProc } from './processes';

jest.setTimeout(240_000);

let redis: RedisProc;
let sink: FaultSink;
let api: TestApi;
let hub: HubFixture;
let env: Record<string, string>;
const workers: Proc[] = [];

beforeAll(async () => {
  redis = await startRedis();
  sink = await startFaultSink();
  api = await startTestApi({ smtpUrl: sink.url, env: { REDIS_URL: redis.url } });
  hub = await createHubFixture(api);
  env = {
    // The worker processes run the product's clock from the test's time (TEST_START, a weekday
    // morning inside the hub's sending hours), whatever the machine's time.
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
    MAIL_DELIVERY_CHECK_URL: sink.checkUrl,
    LOG_LEVEL: 'info',
  };
}, 120_000);

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill9()));
  sink.recover();
  sink.release();
});

afterAll(async () => {
  await api?.close();
  await sink?.close();
  await redis?.stop();
});

/** Gives a fault scenario time to unfold (never used to prove that something did not happen). */
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function worker(): Promise<Proc> {
  const w = await startWorkerProcess(env);
  workers.push(w);
  return w;
}

/** `n` bookings asked for by the school: each owes the employer contact one request email. */
async function requests(n: number): Promise<{ offer: BookableOffer; ids: string[] }> {
  const offer = await bookableOffer(api, hub, { days: Array.from({ length: n }, (_, i) => 10 + (i % 30)) });
  const ids: string[] = [];
  for (const sessionId of offer.sessionIds) ids.push((await requestSlot(api, hub, sessionId)).id);
  return { offer, ids };
}

const ofBooking =
  (kind: string, id: string) =>
  (m: FaultMessage): boolean =>
    m.kind === kind && m.messageId.includes(`.${kind}.${id}.`);

/** Waits until each booking's email of `kind` has reached each recipient, then checks: exactly once. */
async function expectExactlyOnce(kind: string, ids: readonly string[], recipients: readonly string[], timeoutMs = 150_000): Promise<void> {
  const expected = ids.length * recipients.length;
  const received = (): FaultMessage[] => sink.messages.filter((m) => m.kind === kind && ids.some((id) => m.messageId.includes(`.${id}.`)));
  await waitFor(async () => new Set(received().map((m) => m.messageId)).size >= expected, `${expected} ${kind} emails`, timeoutMs);
  // Nothing left that could still send (no due outbox row, no mail job waiting, running or retrying).
  const queue = new Queue(QUEUE_NAMES.mail, { connection: { url: redis.url }, prefix: api.queuePrefix });
  try {
    await mailSettled(api, queue);
  } finally {
    await queue.close();
  }
  for (const id of ids) {
    for (const to of recipients) {
      expect({ id, to, copies: sink.messages.filter((m) => ofBooking(kind, id)(m) && m.to === to.toLowerCase()).length }).toEqual({
        id,
        to,
        copies: 1,
      });
    }
  }
  expect(received()).toHaveLength(expected);
  const [log] = await asTenant<{ n: number }>(
    api,
    hub,
    `select count(*)::int as n from sent_emails where kind = $1 and split_part(job_key, '.', 3) = any($2::text[])`,
    [kind, ids],
  );
  expect(log.n).toBe(expected);
}

/** No state lost: every outbox row relayed, no job failed for good, the bookings as left. */
async function expectNothingLost(ids: readonly string[], state: string, version: number): Promise<void> {
  const [pending] = await asTenant<{ n: number }>(
    api,
    hub,
    `select count(*)::int as n from notification_outbox where status <> 'relayed' and available_at <= $1`,
    [api.clock.now()],
  );
  expect(pending.n).toBe(0);
  const rows = await asTenant<{ state: string; version: number }>(
    api,
    hub,
    'select state, version from bookings where id = any($1::uuid[])',
    [ids],
  );
  expect(rows).toHaveLength(ids.length);
  expect(rows.every((r) => r.state === state && r.version === version)).toBe(true);
  const queue = new Queue(QUEUE_NAMES.mail, { connection: { url: redis.url }, prefix: api.queuePrefix });
  try {
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
  } finally {
    await queue.close();
  }
}

it('a worker killed (-9) while messages are on the wire: a new worker sends what was not accepted, once', async () => {
  const first = await worker();
  const delivered = sink.messages.length;
  sink.holdAfter(delivered + 8);
  const { offer, ids } = await requests(40);
  // Eight go through; the next ones reach the server and wait for its answer when the worker dies.
  await waitFor(async () => sink.held() >= 1, 'a message held on the wire', 60_000);
  await pause(300);
  await first.kill9();
  // The server committed the held messages at end of DATA; it notices the dead connections, then
  // answers: too late for those senders, who never heard that their messages went out.
  await waitFor(async () => sink.heldOpen() === 0, 'the dead connections to close');
  sink.release();
  expect(sink.dropped).toBeGreaterThanOrEqual(1);
  await worker();
  await expectExactlyOnce('booking_request', ids, [offer.contactEmail]);
  await expectNothingLost(ids, 'accepted_by_school', 1);
});

it('the SMTP server answers 451 for a while, then recovers: every email arrives once', async () => {
  await worker();
  sink.refuse(451);
  const { offer, ids } = await requests(20);
  await waitFor(async () => sink.refused >= 20, '20 refused attempts', 60_000);
  sink.recover();
  // The mail queue backs off 30 s and more; promote the waiting retries rather than wait.
  const queue = new Queue(QUEUE_NAMES.mail, { connection: { url: redis.url }, prefix: api.queuePrefix });
  try {
    for (const id of ids) {
      const job = await waitFor(async () => {
        const j = await queue.getJob(jobIdFor.mail({ tenantId: hub.tenantId, kind: 'booking_request', bookingId: id, version: 1 }));
        return j && (await j.getState()) === 'delayed' ? j : undefined;
      }, `the retry of ${id}`);
      expect(job.attemptsMade).toBeGreaterThanOrEqual(1);
      await job.promote();
    }
    await expectExactlyOnce('booking_request', ids, [offer.contactEmail]);
  } finally {
    await queue.close();
  }
  await expectNothingLost(ids, 'accepted_by_school', 1);
});

it('Redis killed and restarted while mail flows: nothing lost, nothing twice', async () => {
  await worker();
  const delivered = sink.messages.length;
  const { offer, ids } = await requests(40);
  await waitFor(async () => sink.messages.length >= delivered + 5, 'some mail delivered', 60_000);
  // The API's own queue connections notice too; they reconnect by themselves (quietly, here).
  for (const name of ALL_QUEUE_NAMES) api.app.get<Queue>(getQueueToken(name)).on('error', () => undefined);
  await redis.crash();
  // While Redis is away, more bookings are made: the outbox holds their mail in PostgreSQL.
  const during = await requests(10);
  await pause(2_000);
  await redis.restart();
  await expectExactlyOnce('booking_request', ids, [offer.contactEmail]);
  await expectExactlyOnce('booking_request', during.ids, [during.offer.contactEmail]);
  await expectNothingLost([...ids, ...during.ids], 'accepted_by_school', 1);
});

it('three workers at once: each email once, and one nudge scheduler per hub', async () => {
  await Promise.all([worker(), worker(), worker()]);
  const { offer, ids } = await requests(60);
  await expectExactlyOnce('booking_request', ids, [offer.contactEmail]);
  // The employer accepts all 60 (logged in): 120 confirmations with calendar invites.
  const token = api.tokenFor(hub.principals.employerContact);
  await Promise.all(ids.map((id) => api.ok(ACCEPT, { id }, token)));
  await expectExactlyOnce('booking_confirmed', ids, [offer.contactEmail, hub.emails.schoolStaff]);
  await expectNothingLost(ids, 'confirmed', 2);
  const nudges = new Queue(QUEUE_NAMES.nudges, { connection: { url: redis.url }, prefix: api.queuePrefix });
  try {
    const tenants = await api.db.systemDb.listTenants();
    expect((await nudges.getJobSchedulers(0, -1)).map((s) => s.key).sort()).toEqual(tenants.map((t) => `nudges.${t.id}`).sort());
  } finally {
    await nudges.close();
  }
});

/**
 * `npm run soak`: the product under mixed load and faults for a set time, then an honest count of
 * what happened to every email it owed (docs/benchmarks.md, "Soak").
 *
 *   npm run soak -- [--minutes 3] [--hubs 3] [--clients 8] [--seed 1] [--delivery-check]
 *
 * Runs, on this machine, all as real processes except the load and the SMTP sink:
 * - a fresh database (`tandem_soak_<pid>`: bootstrap + migrations, direct), dropped at the end;
 * - a private PgBouncer in transaction mode in front of it (every API/worker connection goes through it);
 * - a private redis-server on a free port (append-only, fsync always), never the shared one;
 * - 2 API processes and 3 worker processes (`node -r ./scripts/register.js apps/…/main.ts`);
 * - an SMTP sink that keeps a message when the server would commit it (end of DATA), so a resend
 *   after a crash shows as a duplicate instead of being hidden; with `--delivery-check` the workers
 *   may ask it whether a Message-ID was committed before resending (MAIL_DELIVERY_CHECK_URL);
 * - `--clients` concurrent clients, round-robin over the two APIs: 45 % pupil lists (audited reads),
 *   20 % booking lists, 10 % pupil writes, 25 % booking requests (each owes the employer contact one
 *   email, through the outbox, the relay, BullMQ and a worker).
 *
 * Faults during the load: every 15–30 s a random worker is killed (-9) or stopped (SIGTERM), in
 * turn, and a new one started in its place; once, halfway, Redis is killed and restarted (its AOF survives).
 * After the load: every worker up, wait until every owed email has arrived or 5 minutes pass, then
 * count. Prints requests, errors, emails expected/delivered, lost, duplicate and stuck (outbox rows
 * due and unsent, mail jobs not finished or failed for good). Exit 1 unless lost = stuck = 0.
 *
 * The product's clock runs from TEST_START (a Tuesday morning in term) in every process, so the
 * hubs' sending hours never hold mail back whatever the time here.
 */
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { ManualClock, SystemClock } from '@tandem/domain';
import {
  APP_ROLE,
  bootstrapDatabase,
  createDataSource,
  OWNER_ROLE,
  runMigrations,
  SystemDb,
  TenantDb,
  withCredentials,
  withDatabase,
} from '@tandem/persistence';
import { formatKeyRing, QUEUE_NAMES } from '@tandem/platform';
import { startPgBouncer, superuserUrl, TEST_START, type TestDatabase } from '@tandem/test-support';
import { bookableOffer, REQUEST_SLOT } from '../../test/integration/booking-helpers';
import { startFaultSink } from '../../test/integration/fault-smtp-sink';
import { freePort, startRedis, startWorkerProcess, type Proc } from '../../test/integration/processes';
import { startProcess } from './process';

interface Options {
  /** Give the workers the sink's delivery check (MAIL_DELIVERY_CHECK_URL): a retry asks before resending. */
  deliveryCheck: boolean;
  minutes: number;
  hubs: number;
  clients: number;
  seed: number;
}

function options(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${argv[i + 1]}")`);
    return n;
  };
  return {
    deliveryCheck: argv.includes('--delivery-check'),
    minutes: value('minutes', 3),
    hubs: value('hubs', 3),
    clients: value('clients', 8),
    seed: value('seed', 1),
  };
}

/** A small seeded PRNG (mulberry32): the same --seed gives the same sequence of choices. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Progress lines carry the machine's time (read beside other logs), not the product's. */
const WALL = new SystemClock();
const log = (msg: string): void => void process.stdout.write(`[soak ${WALL.now().toISOString().slice(11, 19)}] ${msg}\n`);

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const random = prng(opts.seed);
  const superuser = superuserUrl();
  const database = `tandem_soak_${process.pid}`;
  const cleanups: Array<() => Promise<unknown>> = [];
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.reverse()) await fn().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    // ---- database, pooler, Redis, SMTP ----
    await bootstrapDatabase({ superuserUrl: superuser, database });
    cleanups.push(async () => {
      const admin = new Client({ connectionString: superuser });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    });
    const ownerUrl = withCredentials(withDatabase(superuser, database), OWNER_ROLE, OWNER_ROLE);
    const directAppUrl = withCredentials(withDatabase(superuser, database), APP_ROLE, APP_ROLE);
    await runMigrations(ownerUrl);
    // Timeouts on every server connection (PgBouncer refuses them as start-up parameters; docs/operations.md).
    const bouncer = await startPgBouncer({
      users: { [APP_ROLE]: APP_ROLE },
      poolSize: 20,
      maxClientConnections: 500,
      connectQuery: 'set statement_timeout = 30000; set idle_in_transaction_session_timeout = 60000',
    });
    cleanups.push(() => bouncer.stop());
    const appUrl = bouncer.urlFor(directAppUrl);
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const sink = await startFaultSink();
    cleanups.push(() => sink.close());
    log(`database ${database}, pgbouncer :${bouncer.port} (transaction mode, 20 server connections), redis ${redis.url}, smtp ${sink.url}`);

    // ---- seed through an in-process API (hubs, users, offers), then close it ----
    const clock = new ManualClock(TEST_START);
    const ds = await createDataSource({ url: appUrl, role: 'app', poolSize: 5, applicationName: 'tandem-soak' }).initialize();
    cleanups.push(() => ds.destroy());
    const db: TestDatabase = {
      name: database,
      clock,
      appUrl,
      ownerUrl,
      appDataSource: ds,
      tenantDb: new TenantDb(ds, clock),
      systemDb: new SystemDb(ds, clock),
      drop: async () => undefined,
    };
    const ttl = String(Math.ceil(opts.minutes * 60 + 3600));
    const seeder: TestApi = await startTestApi({ db, smtpUrl: sink.url, env: { REDIS_URL: redis.url, ACCESS_TOKEN_TTL_SECONDS: ttl } });
    const hubs: HubFixture[] = [];
    for (let i = 0; i < opts.hubs; i += 1) hubs.push(await createHubFixture(seeder, `soak${i}`));
    const sessions = new Map<string, string[]>(); // tenantId → unbooked session ids
    const contactOf = new Map<string, string>(); // offerSessionId → contact email
    const addOffer = async (hub: HubFixture): Promise<void> => {
      const offer = await bookableOffer(seeder, hub, { days: Array.from({ length: 40 }, (_, i) => 10 + i) });
      for (const id of offer.sessionIds) contactOf.set(id, offer.contactEmail);
      sessions.set(hub.tenantId, [...(sessions.get(hub.tenantId) ?? []), ...offer.sessionIds]);
    };
    for (const hub of hubs) for (let k = 0; k < 3; k += 1) await addOffer(hub);
    // Signed once, here (valid for the run: ACCESS_TOKEN_TTL_SECONDS), with the keys the APIs get.
    const tokens = hubs.map((h) => ({ hub: h, admin: h.tokens.hubAdmin, staff: h.tokens.schoolStaff }));
    const adminToken = new Map(tokens.map((t) => [t.hub.tenantId, t.admin]));

    const env: Record<string, string> = {
      NODE_ENV: 'test',
      TANDEM_CLOCK_START: TEST_START,
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: seeder.queuePrefix,
      SMTP_URL: sink.url,
      ACCESS_TOKEN_KEYS: formatKeyRing(seeder.config.accessTokenKeys),
      LINK_KEYS: formatKeyRing(seeder.config.linkKeys),
      ACCESS_TOKEN_TTL_SECONDS: ttl,
      PUBLIC_APP_URL: seeder.config.publicAppUrl,
      PUBLIC_API_URL: 'http://api.soak.test',
      LOG_LEVEL: 'warn',
      // Several processes on one machine: metrics and worker health ports picked free.
      METRICS_PORT: '0',
      WORKER_HTTP_PORT: '0',
      DB_STATEMENT_TIMEOUT_MS: '0',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
      ...(opts.deliveryCheck ? { MAIL_DELIVERY_CHECK_URL: sink.checkUrl } : {}),
    };
    await seeder.close();

    // ---- 2 APIs, 3 workers ----
    // Their clocks start from TEST_START about now: an outbox row due by then and unsent is stuck.
    const clockStartedAt = performance.now();
    const productNow = (): Date => new Date(Date.parse(TEST_START) + (performance.now() - clockStartedAt));
    const apis: Array<{ url: string; proc: Proc }> = [];
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const proc = await startProcess('apps/api/src/main.ts', { ...env, API_PORT: String(port), LOG_LEVEL: 'info' }, 'listening');
      apis.push({ url: `http://127.0.0.1:${port}`, proc });
      cleanups.push(() => proc.stop());
    }
    const workers: Proc[] = [];
    const startWorker = async (): Promise<Proc> => startWorkerProcess({ ...env, LOG_LEVEL: 'info' });
    for (let i = 0; i < 3; i += 1) workers.push(await startWorker());
    cleanups.push(() => Promise.all(workers.map((w) => w.kill9())));
    log(
      `2 APIs (${apis.map((a) => a.url).join(', ')}) and 3 workers up; ${opts.hubs} hubs; load for ${opts.minutes} min with ${opts.clients} clients`,
    );

    // ---- load ----
    const stats = { requests: 0, errors: 0, byOp: {} as Record<string, number>, errorSamples: [] as string[] };
    const owed = new Map<string, string>(); // bookingId → contact email
    let next = 0;
    const gql = async (
      op: string,
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<Record<string, unknown> | null> => {
      const api = apis[next++ % apis.length] as { url: string };
      stats.requests += 1;
      stats.byOp[op] = (stats.byOp[op] ?? 0) + 1;
      try {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as {
          data?: Record<string, unknown>;
          errors?: Array<{ message: string; extensions?: { code?: string } }>;
        };
        if (body.errors?.length) throw new Error(`${op}: ${body.errors[0]?.extensions?.code ?? ''} ${body.errors[0]?.message ?? ''}`);
        return body.data ?? null;
      } catch (err) {
        stats.errors += 1;
        if (stats.errorSamples.length < 10) stats.errorSamples.push(err instanceof Error ? err.message : String(err));
        return null;
      }
    };
    let pupilSeq = 0;
    const deadline = performance.now() + opts.minutes * 60_000;
    const client = async (): Promise<void> => {
      while (performance.now() < deadline) {
        const t = tokens[Math.floor(random() * tokens.length)] as (typeof tokens)[number];
        const r = random();
        if (r < 0.45) {
          await gql(
            'pupils',
            `query($s: ID!) { pupils(schoolId: $s, first: 20) { nodes { id reference yearGroup } } }`,
            { s: t.hub.schoolA.id },
            t.admin,
          );
        } else if (r < 0.65) {
          await gql('bookings', `{ bookings(first: 20) { nodes { id state version } } }`, {}, t.admin);
        } else if (r < 0.75) {
          pupilSeq += 1;
          await gql(
            'createPupil',
            `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
            { input: { schoolId: t.hub.schoolA.id, reference: `S${process.pid}${String(pupilSeq).padStart(7, '0')}`, yearGroup: 9 } },
            t.admin,
          );
        } else {
          const free = sessions.get(t.hub.tenantId) ?? [];
          const sessionId = free.shift();
          if (!sessionId) continue;
          const data = await gql(
            'requestBooking',
            REQUEST_SLOT,
            { input: { offerSessionId: sessionId, schoolId: t.hub.schoolA.id, yearGroup: 11, pupilCount: 25 } },
            t.staff,
          );
          const booking = (data?.['requestOfferSession'] as { id?: string } | undefined)?.id;
          if (booking) owed.set(booking, contactOf.get(sessionId) as string);
        }
      }
    };

    // ---- faults ----
    const faults = { kill9: 0, sigterm: 0, redisRestarts: 0 };
    const chaos = async (): Promise<void> => {
      let redisDone = false;
      const half = performance.now() + (opts.minutes * 60_000) / 2;
      while (performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 15_000 + random() * 15_000));
        if (performance.now() >= deadline) break;
        if (!redisDone && performance.now() >= half) {
          redisDone = true;
          log('redis: kill -9, then restart');
          await redis.crash();
          await new Promise((r) => setTimeout(r, 3_000));
          await redis.restart();
          faults.redisRestarts += 1;
          continue;
        }
        const i = Math.floor(random() * workers.length);
        const victim = workers[i] as Proc;
        // Alternate, so every run has both: a crash (jobs stall, locks expire) and a drain.
        if ((faults.kill9 + faults.sigterm) % 2 === 0) {
          log(`worker ${victim.pid}: kill -9`);
          await victim.kill9();
          faults.kill9 += 1;
        } else {
          log(`worker ${victim.pid}: SIGTERM`);
          await victim.stop();
          faults.sigterm += 1;
        }
        workers[i] = await startWorker();
      }
    };
    const started = performance.now();
    // Top the offers up in the background so booking requests never run dry.
    const topUp = async (): Promise<void> => {
      while (performance.now() < deadline) {
        for (const hub of hubs) if ((sessions.get(hub.tenantId)?.length ?? 0) < 40) await addOfferVia(hub);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    };
    // Offers are created through the first API process once the seeder is gone.
    const addOfferVia = async (hub: HubFixture): Promise<void> => {
      // bookableOffer needs only `ok` and a clock for "days from today".
      const api = {
        ok: async <T>(q: string, v: Record<string, unknown>): Promise<T> =>
          (await gqlOk(apis[0]?.url as string, q, v, adminToken.get(hub.tenantId))) as T,
        clock,
      };
      const offer = await bookableOffer(api as unknown as TestApi, hub, { days: Array.from({ length: 40 }, (_, i) => 10 + i) });
      for (const id of offer.sessionIds) contactOf.set(id, offer.contactEmail);
      sessions.set(hub.tenantId, [...(sessions.get(hub.tenantId) ?? []), ...offer.sessionIds]);
    };
    await Promise.all([...Array.from({ length: opts.clients }, client), chaos(), topUp()]);
    const loadSeconds = (performance.now() - started) / 1000;
    log(`load done: ${stats.requests} requests in ${loadSeconds.toFixed(0)} s, ${owed.size} booking emails owed; waiting for delivery`);

    // ---- settle and count ----
    const expectedIds = [...owed.keys()];
    const deliveredOf = (id: string): number =>
      sink.messages.filter((m) => m.kind === 'booking_request' && m.messageId.includes(`.booking_request.${id}.`)).length;
    const settleStarted = performance.now();
    while (performance.now() - settleStarted < 300_000 && expectedIds.some((id) => deliveredOf(id) === 0))
      await new Promise((r) => setTimeout(r, 1_000));
    const queue = new Queue(QUEUE_NAMES.mail, { connection: { url: redis.url }, prefix: env['QUEUE_PREFIX'] });
    let jobs: Record<string, number> = {};
    let dueOutbox = 0;
    // Then until nothing is left to send (no due outbox row, no unfinished mail job), up to 2 more minutes.
    const quietStarted = performance.now();
    for (;;) {
      jobs = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      const owner = new Client({ connectionString: ownerUrl });
      await owner.connect();
      dueOutbox = Number(
        (await owner.query(`select count(*) as n from notification_outbox where status = 'pending' and available_at <= $1`, [productNow()]))
          .rows[0].n,
      );
      await owner.end();
      const unfinished = (jobs['waiting'] ?? 0) + (jobs['active'] ?? 0) + (jobs['prioritized'] ?? 0);
      if ((unfinished === 0 && dueOutbox === 0) || performance.now() - quietStarted > 120_000) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await queue.close();
    const settleSeconds = (performance.now() - settleStarted) / 1000;

    const delivered = expectedIds.filter((id) => deliveredOf(id) > 0).length;
    const duplicates = expectedIds.reduce((n, id) => n + Math.max(0, deliveredOf(id) - 1), 0);
    const wrongRecipient = expectedIds.filter((id) =>
      sink.messages.some((m) => m.messageId.includes(`.booking_request.${id}.`) && m.to !== (owed.get(id) as string).toLowerCase()),
    ).length;
    const lost = expectedIds.length - delivered;
    const stuck = dueOutbox + (jobs['waiting'] ?? 0) + (jobs['active'] ?? 0) + (jobs['prioritized'] ?? 0) + (jobs['failed'] ?? 0);
    const result = {
      deliveryCheck: opts.deliveryCheck,
      minutes: opts.minutes,
      hubs: opts.hubs,
      clients: opts.clients,
      requests: stats.requests,
      requestsPerSecond: Number((stats.requests / loadSeconds).toFixed(1)),
      errors: stats.errors,
      byOperation: stats.byOp,
      faults,
      emailsExpected: expectedIds.length,
      emailsDelivered: delivered,
      lost,
      duplicate: duplicates,
      wrongRecipient,
      stuck,
      stuckDetail: { dueOutboxRows: dueOutbox, mailJobs: jobs },
      settleSeconds: Number(settleSeconds.toFixed(0)),
    };
    log(`errors (first ${stats.errorSamples.length}): ${JSON.stringify(stats.errorSamples)}`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `SOAK ${lost === 0 && stuck === 0 ? 'OK' : 'FAILED'}: ${stats.requests} requests (${stats.errors} errors), ` +
        `emails expected ${expectedIds.length}, delivered ${delivered}, lost ${lost}, duplicate ${duplicates}, stuck ${stuck}; ` +
        `faults: ${faults.kill9} kill -9, ${faults.sigterm} SIGTERM, ${faults.redisRestarts} Redis restart; delivery check ${opts.deliveryCheck ? 'on' : 'off'}\n`,
    );
    await cleanup();
    process.exit(lost === 0 && stuck === 0 ? 0 : 1);
  } catch (err) {
    log(`soak failed: ${err instanceof Error ? err.stack : String(err)}`);
    await cleanup();
    process.exit(1);
  }
}

async function gqlOk(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

void main();

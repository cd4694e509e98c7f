/**
 * The product through PgBouncer in transaction mode (issue 15, finding 9): the API (in process) and a
 * worker (its own OS process) reach PostgreSQL only through a private pgbouncer with 2 server
 * connections per database, so consecutive transactions of different hubs share server connections.
 * A representative flow works (log in, lists, a write, a pupil read that is audited, a booking email
 * through the outbox and the worker), and row-level security still isolates the hubs: the tenant
 * is set per transaction (`set_config(…, true)`), never per session, so nothing leaks across.
 * Migrations are not run through the pooler (they hold a session advisory lock): see docs/operations.md.
 */
import { createHubFixture, FIXTURE_PASSWORD, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { APP_ROLE, createDataSource, SystemDb, TenantContext, TenantDb } from '@tandem/persistence';
import { formatKeyRing, QUEUE_NAMES } from '@tandem/platform';
import {
  createTestDatabase,
  mailSettled,
  startPgBouncer,
  startSmtpSink,
  superuserUrl,
  type PgBouncer,
  type SmtpSink,
  type TestDatabase,
} from '@tandem/test-support';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { bookableOffer, requestSlot } from './booking-helpers';
import { startWorkerProcess, type Proc } from './processes';

jest.setTimeout(180_000);

const POOL = 2;
/** Session settings through the pooler: set on each server connection by PgBouncer (docs/operations.md). */
const POOLER_TIMEOUTS = 'set statement_timeout = 30000; set idle_in_transaction_session_timeout = 60000';
let bouncer: PgBouncer;
let direct: TestDatabase;
let viaBouncer: string;
let sink: SmtpSink;
let api: TestApi;
let worker: Proc;
let hubA: HubFixture;
let hubB: HubFixture;

beforeAll(async () => {
  bouncer = await startPgBouncer({ users: { [APP_ROLE]: APP_ROLE }, poolSize: POOL, connectQuery: POOLER_TIMEOUTS });
  direct = await createTestDatabase();
  // Nothing of the product connects directly: the clone's own pool is closed, one through the pooler replaces it.
  await direct.appDataSource.destroy();
  viaBouncer = bouncer.urlFor(direct.appUrl);
  const ds = await createDataSource({ url: viaBouncer, role: 'app', poolSize: 10, applicationName: 'tandem-test-pgbouncer' }).initialize();
  const db: TestDatabase = {
    ...direct,
    appUrl: viaBouncer,
    appDataSource: ds,
    tenantDb: new TenantDb(ds, direct.clock),
    systemDb: new SystemDb(ds, direct.clock),
    async drop() {
      if (ds.isInitialized) await ds.destroy();
      await direct.drop();
    },
  };
  sink = await startSmtpSink();
  api = await startTestApi({ db, smtpUrl: sink.url });
  hubA = await createHubFixture(api, 'pooled-a');
  hubB = await createHubFixture(api, 'pooled-b');
  worker = await startWorkerProcess({
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    NODE_ENV: 'test',
    DATABASE_URL: viaBouncer,
    DATABASE_OWNER_URL: direct.ownerUrl,
    REDIS_URL: api.config.redisUrl,
    QUEUE_PREFIX: api.queuePrefix,
    SMTP_URL: sink.url,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    PUBLIC_APP_URL: api.config.publicAppUrl,
    PUBLIC_API_URL: api.url,
    LOG_LEVEL: 'info',
    // PgBouncer refuses start-up parameters: the timeouts come from its connect_query instead.
    DB_STATEMENT_TIMEOUT_MS: '0',
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
    WORKER_HTTP_PORT: '0',
  });
}, 150_000);

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await api?.db.drop();
  await sink?.close();
  await bouncer?.stop();
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken me { tenantId role } } }`;
const PUPILS = `query($s: ID!) { pupils(schoolId: $s, first: 50) { nodes { id reference } } }`;
const CREATE_PUPIL = `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id reference } }`;
const PUPIL = `query($id: ID!) { pupil(id: $id) { id reference } }`;

async function superuser<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: superuserUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

it('logs in, lists, writes, reads a pupil (audited) and sends a booking email, all through the pooler', async () => {
  const { login } = await api.ok<{ login: { accessToken: string; me: { tenantId: string; role: string } } }>(LOGIN, {
    input: { email: hubA.emails.hubAdmin, password: FIXTURE_PASSWORD, tenantSlug: hubA.slug },
  });
  expect(login.me).toEqual({ tenantId: hubA.tenantId, role: 'HUB_ADMIN' });
  const token = login.accessToken;

  const { createPupil } = await api.ok<{ createPupil: { id: string; reference: string } }>(
    CREATE_PUPIL,
    { input: { schoolId: hubA.schoolA.id, reference: 'A123456789012', displayName: 'Pooled Pupil', yearGroup: 10 } },
    token,
  );
  const list = await api.ok<{ pupils: { nodes: Array<{ id: string }> } }>(PUPILS, { s: hubA.schoolA.id }, token);
  expect(list.pupils.nodes.map((n) => n.id)).toEqual([createPupil.id]);
  await api.ok(PUPIL, { id: createPupil.id }, token);
  const viewed = await api.db.appDataSource.transaction(async (em) => {
    await em.query(`select set_config('app.tenant_id', $1, true)`, [hubA.tenantId]);
    return em.query(
      `select action, actor_user_id from audit_log where entity_id = $1 and action in ('pupil.created', 'pupil.listed', 'pupil.viewed') order by id`,
      [createPupil.id],
    );
  });
  expect(viewed).toEqual([
    { action: 'pupil.created', actor_user_id: hubA.principals.hubAdmin.userId },
    { action: 'pupil.listed', actor_user_id: hubA.principals.hubAdmin.userId },
    { action: 'pupil.viewed', actor_user_id: hubA.principals.hubAdmin.userId },
  ]);

  // A booking request: outbox row → relay → BullMQ → the worker (its own process, through the pooler) → SMTP.
  const offer = await bookableOffer(api, hubA, { days: [12] });
  const booking = await requestSlot(api, hubA, offer.sessionIds[0] as string);
  const message = await sink.waitFor((m) => m.to.includes(offer.contactEmail.toLowerCase()), 60_000);
  expect(message.subject).toBeTruthy();
  const queue = new Queue(QUEUE_NAMES.mail, { connection: { url: api.config.redisUrl }, prefix: api.queuePrefix });
  try {
    await mailSettled(api.db, queue, 60_000);
  } finally {
    await queue.close();
  }
  const sent = await api.db.appDataSource.transaction(async (em) => {
    await em.query(`select set_config('app.tenant_id', $1, true)`, [hubA.tenantId]);
    return em.query(`select count(*)::int as n from sent_emails where split_part(job_key, '.', 3) = $1`, [booking.id]);
  });
  expect(sent).toEqual([{ n: 1 }]);

  // Only the pooler's server connections reached PostgreSQL for this database, however many clients.
  const [backends] = await superuser<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and usename = $2`, [
    direct.name,
    APP_ROLE,
  ]);
  expect(backends.n).toBeGreaterThan(0);
  expect(backends.n).toBeLessThanOrEqual(POOL);
});

it('keeps hubs apart through shared server connections: interleaved requests see only their own hub', async () => {
  const create = (hub: HubFixture, i: number): Promise<{ createPupil: { id: string } }> =>
    api.ok(
      CREATE_PUPIL,
      {
        input: { schoolId: hub.schoolA.id, reference: `${hub === hubA ? 'A' : 'B'}9000000000${String(i).padStart(2, '0')}`, yearGroup: 9 },
      },
      hub.tokens.hubAdmin,
    );
  const created = await Promise.all(Array.from({ length: 12 }, (_, i) => create(i % 2 ? hubB : hubA, i)));
  const idsOf = (hub: HubFixture): Set<string> =>
    new Set(created.filter((_, i) => (i % 2 ? hubB : hubA) === hub).map((c) => c.createPupil.id));

  // 40 list requests at once, alternating hubs, over 2 server connections.
  const lists = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const hub = i % 2 ? hubB : hubA;
      const res = await api.ok<{ pupils: { nodes: Array<{ id: string; reference: string }> } }>(
        PUPILS,
        { s: hub.schoolA.id },
        hub.tokens.hubAdmin,
      );
      return { hub, ids: res.pupils.nodes.map((n) => n.id) };
    }),
  );
  for (const { hub, ids } of lists) {
    const other = hub === hubA ? hubB : hubA;
    expect(ids.filter((id) => idsOf(other).has(id))).toEqual([]);
    for (const id of idsOf(hub)) expect(ids).toContain(id);
  }
  // Another hub's pupil by id: not found, not merely hidden from lists.
  const [first] = [...idsOf(hubA)];
  const refused = await api.fails(PUPIL, { id: first }, hubB.tokens.hubAdmin);
  expect(refused.extensions?.code).toBe('NOT_FOUND');
});

it('leaves no tenant on a server connection after a tenant transaction: the next statement sees nothing', async () => {
  // The product's own TenantDb through the pooler, then plain statements on the same pool: had the
  // tenant been set for the session (set_config(…, false) or SET), a later client handed that
  // server connection would read the hub's rows.
  await api.ok(CREATE_PUPIL, { input: { schoolId: hubA.schoolA.id, reference: 'A700000000001', yearGroup: 8 } }, hubA.tokens.hubAdmin);
  const ds = api.db.appDataSource;
  for (let i = 0; i < 6; i += 1) {
    const inside = await TenantContext.run({ tenantId: hubA.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction((em) => em.query(`select count(*)::int as n from pupils`)),
    );
    expect(inside[0].n).toBeGreaterThan(0);
    const after = await Promise.all(
      [0, 1, 2].map(() =>
        ds.query(`select coalesce(current_setting('app.tenant_id', true), '') as tenant, (select count(*)::int from pupils) as n`),
      ),
    );
    expect(after.map((r) => r[0])).toEqual([0, 1, 2].map(() => ({ tenant: '', n: 0 })));
  }
  // Nothing the worker ran through the pooler was refused by it.
  expect(worker.output()).not.toMatch(/prepared statement|unsupported startup parameter|pgbouncer/i);
});

it('gets its timeouts from the pooler (connect_query), which refuses them as start-up parameters', async () => {
  const settings = await api.db.appDataSource.query(
    `select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
  );
  expect(settings).toEqual([{ statement: '30s', idle: '1min' }]);
  const client = new Client({ connectionString: viaBouncer, statement_timeout: 30_000 } as ConstructorParameters<typeof Client>[0]);
  await expect(client.connect()).rejects.toThrow(/unsupported startup parameter: statement_timeout/);
  await client.end().catch(() => undefined);
});

/**
 * The daily retention purge (issue 15, finding 10). Rows of two hubs (and global session/throttle
 * rows) are written just older and just newer than each period, by the product's clock; the purge,
 * run as the app role through `purge_expired_rows` (no tenant: it spans every hub), deletes exactly
 * the older ones, in batches, and nothing that is still work to do (a pending outbox row). The
 * database refuses a period under a kind's floor, so the app role cannot empty the audit log. One
 * scheduler serves the whole system however many workers start.
 */
import { RetentionScheduler, RetentionService, RETENTION_PATTERN } from '@tandem/features';
import { AppConfig, JOB_NAMES, QUEUE_JOB_OPTIONS, QUEUE_NAMES, RETENTION_DEFAULTS, type RetentionKind } from '@tandem/platform';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

let db: TestDatabase;
let owner: Client;
const tenants: string[] = [];
let userId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  for (const slug of ['keep-a', 'keep-b'])
    tenants.push((await db.systemDb.createTenant({ name: slug, slug: `${slug}-${randomBytes(3).toString('hex')}` })).id);
  userId = (
    await db.systemDb.createUser({
      email: `retention.${randomBytes(3).toString('hex')}@example.test`,
      displayName: 'R',
      passwordHash: 'x',
      isPlatformAdmin: false,
    })
  ).id;
});

afterAll(async () => {
  await owner?.end();
  await db?.drop();
});

/** An instant `days` days before the product's now (negative: in the future). */
const ago = (days: number): Date => new Date(db.clock.now().getTime() - days * DAY);

async function seed(tenantId: string, days: number, tag: string, audits = 1): Promise<void> {
  const at = ago(days);
  await owner.query(
    `insert into audit_log (tenant_id, action, entity_type, created_at) select $1, 'retention.test', $2, $3 from generate_series(1, $4)`,
    [tenantId, tag, at, audits],
  );
  await owner.query(
    `insert into sent_emails (tenant_id, job_key, kind, recipient, message_id, subject, sent_at) values ($1, $2, 'invitation', 'r@example.test', $2, 's', $3)`,
    [tenantId, `mail.${tag}.${randomBytes(4).toString('hex')}`, at],
  );
  await owner.query(
    `insert into notification_outbox (tenant_id, kind, dedupe_key, status, available_at, relayed_at, created_at, updated_at) values ($1, 'mail', $2, 'relayed', $3, $3, $3, $3)`,
    [tenantId, `${tag}.${randomBytes(4).toString('hex')}`, at],
  );
  await owner.query(`insert into password_resets (tenant_id, user_id, token_hash, expires_at) values ($1, $2, $3, $4)`, [
    tenantId,
    userId,
    randomBytes(24).toString('hex'),
    at,
  ]);
}

async function counts(): Promise<Record<string, number>> {
  const { rows } = await owner.query(`
    select (select count(*) from audit_log where action = 'retention.test')::int as audit_log,
           (select count(*) from sent_emails where kind = 'invitation')::int as sent_emails,
           (select count(*) from notification_outbox)::int as outbox,
           (select count(*) from password_resets)::int as password_resets,
           (select count(*) from auth_sessions)::int as auth_sessions,
           (select count(*) from platform_refresh_sessions)::int as refresh,
           (select count(*) from auth_throttle)::int as auth_throttle`);
  return rows[0];
}

it('deletes rows older than each period across hubs, keeps newer ones and pending work, in batches', async () => {
  const config = AppConfig.fromEnv({ RETENTION_BATCH_SIZE: '100' });
  const p = config.retention;
  for (const tenantId of tenants) {
    // Audit rows, the longest period: 250 just too old (three batches of 100), one just young enough.
    await owner.query(
      `insert into audit_log (tenant_id, action, entity_type, created_at) select $1, 'retention.test', 'old', $2 from generate_series(1, 250)`,
      [tenantId, ago(p.audit_log + 1)],
    );
    await owner.query(`insert into audit_log (tenant_id, action, entity_type, created_at) values ($1, 'retention.test', 'young', $2)`, [
      tenantId,
      ago(p.audit_log - 1),
    ]);
    // The other tenant kinds share a period of at most 400 days: one row each way.
    await seed(tenantId, Math.max(p.sent_emails, p.outbox, p.password_resets) + 1, 'old', 0);
    await seed(tenantId, Math.min(p.sent_emails, p.outbox, p.password_resets) - 1, 'young', 0);
    // Work not done yet is never purged, however old.
    await owner.query(
      `insert into notification_outbox (tenant_id, kind, dedupe_key, status, available_at, created_at, updated_at) values ($1, 'mail', 'pending.old', 'pending', $2, $2, $2)`,
      [tenantId, ago(p.outbox + 100)],
    );
  }
  // Sessions (global): ended long ago (with its refresh token), expired long ago, ended recently, live.
  const session = async (expires: Date, revoked: Date | null): Promise<string> =>
    (
      await owner.query(
        `insert into auth_sessions (user_id, expires_at, revoked_at, revoked_reason) values ($1, $2, $3, $4) returning id`,
        [userId, expires, revoked, revoked ? 'logout' : null],
      )
    ).rows[0].id;
  const endedLongAgo = await session(ago(-10), ago(p.auth_sessions + 1));
  await owner.query(`insert into platform_refresh_sessions (user_id, token_hash, expires_at, auth_session_id) values ($1, $2, $3, $4)`, [
    userId,
    randomBytes(24).toString('hex'),
    ago(-10),
    endedLongAgo,
  ]);
  await session(ago(p.auth_sessions + 1), null);
  const endedRecently = await session(ago(-10), ago(p.auth_sessions - 1));
  const live = await session(ago(-30), null);
  await owner.query(
    `insert into auth_throttle (bucket, attempts, window_started_at) values ('bucket-old-0001', 3, $1), ('bucket-new-0001', 1, $2)`,
    [ago(p.auth_throttle + 1), ago(0)],
  );

  expect(await counts()).toEqual({
    audit_log: 502,
    sent_emails: 4,
    outbox: 6,
    password_resets: 4,
    auth_sessions: 4,
    refresh: 1,
    auth_throttle: 2,
  });
  const report = await new RetentionService(db.appDataSource, db.clock, config).purge();
  expect(report).toEqual({ outbox: 2, sent_emails: 2, auth_sessions: 2, auth_throttle: 1, password_resets: 2, audit_log: 500 });
  expect(await counts()).toEqual({
    audit_log: 2,
    sent_emails: 2,
    outbox: 4,
    password_resets: 2,
    auth_sessions: 2,
    refresh: 0,
    auth_throttle: 1,
  });

  // What is left: each hub's young rows and its pending work; the recent and live sessions.
  const left = await owner.query(`select tenant_id, entity_type from audit_log where action = 'retention.test' order by tenant_id`);
  expect(left.rows).toEqual([...tenants].sort().map((tenant_id) => ({ tenant_id, entity_type: 'young' })));
  const outbox = await owner.query(`select tenant_id, status from notification_outbox order by tenant_id, status`);
  expect(outbox.rows.map((r) => r.status)).toEqual(['pending', 'relayed', 'pending', 'relayed']);
  expect((await owner.query(`select id from auth_sessions order by id`)).rows.map((r) => r.id).sort()).toEqual(
    [endedRecently, live].sort(),
  );

  // A second run (a retry, a second worker) finds nothing more.
  expect(Object.values(await new RetentionService(db.appDataSource, db.clock, config).purge())).toEqual([0, 0, 0, 0, 0, 0]);

  // A year later by the product's clock, the rows that were young are old enough.
  db.clock.advance(420 * DAY);
  const later = await new RetentionService(db.appDataSource, db.clock, config).purge();
  expect(later).toEqual({ outbox: 2, sent_emails: 2, auth_sessions: 2, auth_throttle: 1, password_resets: 2, audit_log: 2 });
  expect(await counts()).toMatchObject({ audit_log: 0, sent_emails: 0, outbox: 2, auth_sessions: 0 });
});

it('refuses, as the app role, a period under the floor and an unknown kind; direct deletes stay forbidden', async () => {
  const asApp = (sql: string, params: unknown[] = []): Promise<unknown> => db.appDataSource.query(sql, params);
  for (const [kind, floor] of [
    ['audit_log', 365],
    ['sent_emails', 366],
  ] as const) {
    await expect(asApp(`select purge_expired_rows($1, $2, 100)`, [kind, floor - 1])).rejects.toThrow(
      new RegExp(`${kind} must be kept at least ${floor} days`),
    );
  }
  await expect(asApp(`select purge_expired_rows('users', 30, 100)`)).rejects.toThrow(/unknown kind users/);
  await expect(asApp(`delete from audit_log`)).rejects.toThrow(/permission denied/);
  // The floors in AppConfig and in the database agree.
  for (const kind of ['audit_log', 'sent_emails'] as RetentionKind[]) {
    await expect(asApp(`select purge_expired_rows($1, $2, 1)`, [kind, RETENTION_DEFAULTS[kind].min])).resolves.toBeDefined();
  }
});

it('keeps one purge scheduler for the whole system however many workers upsert it', async () => {
  const prefix = `test-retention-${randomBytes(4).toString('hex')}`;
  const queue = new Queue(QUEUE_NAMES.maintenance, {
    connection: { url: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379' },
    prefix,
    defaultJobOptions: QUEUE_JOB_OPTIONS.maintenance,
  });
  try {
    await Promise.all([new RetentionScheduler(queue).sync(), new RetentionScheduler(queue).sync(), new RetentionScheduler(queue).sync()]);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz, name: s.name }))).toEqual([
      { key: 'maintenance.retention', pattern: RETENTION_PATTERN, tz: 'Europe/London', name: JOB_NAMES.maintenance },
    ]);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

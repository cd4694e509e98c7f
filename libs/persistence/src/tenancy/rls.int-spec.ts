import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainError } from '@tandem/domain';
import { createTestDatabase, TestDatabase } from '@tandem/test-support';
import { AuditLog, Cluster, School, TENANT_TABLES, TenantContext, TenantRepository } from '../index';

/**
 * The tenancy walls, tested on a real PostgreSQL clone of the migrated template:
 * roles, RLS on every tenant table (found from the catalog, so a new table without RLS fails here),
 * cross-tenant reads/writes, append-only audit log, TenantDb, CHECKs and composite FKs.
 */

interface Fixture {
  tenantId: string;
  userId: string;
  clusterId: string;
  schoolId: string;
  employerId: string;
  contactId: string;
  offerId: string;
  requestId: string;
  membershipId: string;
  pupilId: string;
}

/** One row in every tenant table, inserted as tandem_owner (BYPASSRLS) so RLS is not in the way. */
async function seedTenant(owner: Client, label: string): Promise<Fixture> {
  const f: Fixture = {
    tenantId: randomUUID(),
    userId: randomUUID(),
    clusterId: randomUUID(),
    schoolId: randomUUID(),
    employerId: randomUUID(),
    contactId: randomUUID(),
    offerId: randomUUID(),
    requestId: randomUUID(),
    membershipId: randomUUID(),
    pupilId: randomUUID(),
  };
  const t = f.tenantId;
  const q = (sql: string, params: unknown[]) => owner.query(sql, params);
  await q(`insert into tenants (id, name, slug) values ($1, $2, $3)`, [t, `Hub ${label}`, `hub-${label}`]);
  await q(`insert into users (id, email, display_name) values ($1, $2, $3)`, [f.userId, `admin-${label}@example.org`, `Admin ${label}`]);
  await q(`insert into clusters (id, tenant_id, name) values ($1, $2, 'North')`, [f.clusterId, t]);
  await q(
    `insert into schools (id, tenant_id, cluster_id, urn, name, phase, lowest_year_group, highest_year_group)
     values ($1, $2, $3, '100001', 'Hillside Academy', 'secondary', 7, 11)`,
    [f.schoolId, t, f.clusterId],
  );
  await q(`insert into employers (id, tenant_id, name, size_band) values ($1, $2, 'Acme Ltd', 'sme')`, [f.employerId, t]);
  await q(`insert into employer_contacts (id, tenant_id, employer_id, name, email) values ($1, $2, $3, 'Pat', 'pat@acme.example')`, [
    f.contactId,
    t,
    f.employerId,
  ]);
  await q(
    `insert into vetting_checks (tenant_id, employer_id, kind, checked_on, expires_on)
     values ($1, $2, 'health_and_safety', '2025-01-01', '2026-01-01')`,
    [t, f.employerId],
  );
  await q(`insert into memberships (id, tenant_id, user_id, role) values ($1, $2, $3, 'hub_admin')`, [f.membershipId, t, f.userId]);
  await q(
    `insert into invitations (tenant_id, email, role, school_id, token_hash, expires_at, invited_by_user_id)
     values ($1, 'new@example.org', 'school_staff', $2, $3, app_now() + interval '7 days', $4)`,
    [t, f.schoolId, `inv-${label}-`.padEnd(64, '0'), f.userId],
  );
  await q(
    `insert into refresh_sessions (tenant_id, user_id, membership_id, token_hash, expires_at)
     values ($1, $2, $3, $4, app_now() + interval '30 days')`,
    [t, f.userId, f.membershipId, `ref-${label}-`.padEnd(64, '0')],
  );
  await q(`insert into password_resets (tenant_id, user_id, token_hash, expires_at) values ($1, $2, $3, app_now() + interval '1 hour')`, [
    t,
    f.userId,
    `reset-${label}-`.padEnd(64, '0'),
  ]);
  await q(`insert into pupils (id, tenant_id, school_id, reference, year_group) values ($1, $2, $3, 'P001', 9)`, [
    f.pupilId,
    t,
    f.schoolId,
  ]);
  await q(
    `insert into offers (id, tenant_id, employer_id, contact_id, title, activity_type, format, duration_minutes,
                         pupils_per_session, sessions_available, year_groups, benchmark, status)
     values ($1, $2, $3, $4, 'Mock interviews', 'mock_interviews', 'in_person_school', 90, 30, 4, '{10,11}', 5, 'published')`,
    [f.offerId, t, f.employerId, f.contactId],
  );
  await q(
    `insert into offer_availability_windows (tenant_id, offer_id, starts_on, ends_on, weekdays, start_time, end_time)
     values ($1, $2, '2026-01-05', '2026-03-27', '{2,4}', '13:30', '15:00')`,
    [t, f.offerId],
  );
  await q(
    `insert into offer_sessions (tenant_id, offer_id, starts_at, ends_at, capacity)
     values ($1, $2, '2026-02-03 13:30+00', '2026-02-03 15:00+00', 30)`,
    [t, f.offerId],
  );
  await q(
    `insert into requests (id, tenant_id, school_id, activity_type, year_group, pupil_count, formats, created_by_user_id)
     values ($1, $2, $3, 'mock_interviews', 11, 30, '{in_person_school}', $4)`,
    [f.requestId, t, f.schoolId, f.userId],
  );
  await q(
    `insert into request_windows (tenant_id, request_id, starts_at, ends_at) values ($1, $2, '2026-02-03 13:30+00', '2026-02-03 15:00+00')`,
    [t, f.requestId],
  );
  await q(`insert into audit_log (tenant_id, action, entity_type) values ($1, 'seed', 'tenant')`, [t]);
  await q(`insert into notification_outbox (tenant_id, kind, dedupe_key) values ($1, 'test', 'k1')`, [t]);
  await q(`insert into import_jobs (tenant_id, school_id, mode) values ($1, $2, 'all_or_nothing')`, [t, f.schoolId]);
  await q(
    `insert into sent_emails (tenant_id, job_key, kind, recipient, message_id, subject) values ($1, 'mail.test.1', 'test', 'a@example.org', '<m1@test>', 'Hello')`,
    [t],
  );
  await q(
    `insert into mail_send_attempts (tenant_id, job_key, recipient, message_id) values ($1, 'mail.test.1', 'a@example.org', '<m1@test>')`,
    [t],
  );
  const session = (await q(`select id from offer_sessions where tenant_id = $1 limit 1`, [t])).rows[0].id as string;
  const booking = (
    await q(
      `insert into bookings (tenant_id, request_id, offer_id, offer_session_id, school_id, employer_id, contact_id, year_group, pupil_count, starts_at, ends_at, state)
       values ($1, $2, $3, $4, $5, $6, $7, 11, 30, '2026-02-03 13:30+00', '2026-02-03 15:00+00', 'accepted_by_school') returning id`,
      [t, f.requestId, f.offerId, session, f.schoolId, f.employerId, f.contactId],
    )
  ).rows[0].id as string;
  await q(
    `insert into booking_transitions (tenant_id, booking_id, version, action, from_state, to_state, actor_side, actor_user_id, offer_session_id)
     values ($1, $2, 1, 'create', null, 'accepted_by_school', 'school', $3, $4)`,
    [t, booking, f.userId, session],
  );
  await q(
    `insert into booking_links (tenant_id, booking_id, offer_session_id, contact_id, accept_token_hash, decline_token_hash, expires_at)
     values ($1, $2, $3, $4, $5, $6, app_now() + interval '7 days')`,
    [t, booking, session, f.contactId, `acc-${label}-`.padEnd(64, '0'), `dec-${label}-`.padEnd(64, '0')],
  );
  await q(`insert into notification_preferences (tenant_id, email, muted) values ($1, 'pat@acme.example', '{reminders}')`, [t]);
  await q(`insert into booking_settings (tenant_id) values ($1)`, [t]);
  // The benchmark ledger. The pupil above already has ledger rows (triggers): one per academic year and
  // benchmark; keep one so that every tenant table holds exactly one row per tenant.
  const encounterId = (
    await q(
      `insert into encounters (tenant_id, school_id, occurred_on, activity_type, format, year_groups) values ($1, $2, '2025-10-01', 'careers_talk', 'in_person_school', '{9}') returning id`,
      [t, f.schoolId],
    )
  ).rows[0].id as string;
  await q(`insert into encounter_employers (tenant_id, encounter_id, employer_id) values ($1, $2, $3)`, [t, encounterId, f.employerId]);
  await q(`insert into encounter_attendance (tenant_id, school_id, encounter_id, pupil_id) values ($1, $2, $3, $4)`, [
    t,
    f.schoolId,
    encounterId,
    f.pupilId,
  ]);
  await q(`insert into ledger_settings (tenant_id, policy_id) select $1, id from benchmark_policies where key = 'gatsby-2014'`, [t]);
  await q(
    `delete from ledger_pupil_years where tenant_id = $1 and (academic_year, benchmark) <> (select min(academic_year), 5 from ledger_pupil_years where tenant_id = $1)`,
    [t],
  );
  const snapshotId = (
    await q(
      `insert into coverage_snapshots (tenant_id, school_id, academic_year, as_of, kind, policy_id)
       select $1, $2, 2025, '2025-12-31', 'reporting_date', id from benchmark_policies where key = 'gatsby-2014' returning id`,
      [t, f.schoolId],
    )
  ).rows[0].id as string;
  await q(
    `insert into coverage_snapshot_counts (tenant_id, snapshot_id, school_id, year_group, benchmark, pupils) values ($1, $2, $3, 9, 5, 1)`,
    [t, snapshotId, f.schoolId],
  );
  await q(
    `insert into coverage_snapshot_pupils (tenant_id, snapshot_id, pupil_id, benchmark, school_id, year_group, priority_rank, encounters, met) values ($1, $2, $3, 5, $4, 9, 0, 0, false)`,
    [t, snapshotId, f.pupilId, f.schoolId],
  );
  // Matching: a finished run with one proposal and one request it left out.
  const runId = (
    await q(
      `insert into matching_runs (tenant_id, cluster_id, requested_by_user_id, status, phase, progress, weights, max_work, max_branch_nodes,
                                  objective, bound, relative_gap, optimal, started_at, finished_at)
       values ($1, $2, $3, 'succeeded', 'done', 100, '{}', 1000, 10, 3000, 3000, 0, true, app_now(), app_now()) returning id`,
      [t, f.clusterId, f.userId],
    )
  ).rows[0].id as string;
  await q(
    `insert into matching_proposals (tenant_id, run_id, request_id, offer_session_id, offer_id, school_id, employer_id, starts_at, ends_at,
                                     benchmark, pupils, gap_pupils_closed, points, offer_sessions_remaining, reasons, summary)
     values ($1, $2, $3, $4, $5, $6, $7, '2026-02-03 13:30+00', '2026-02-03 15:00+00', 5, 30, 30, 3000, 3, '[]', 'Closes the gap.')`,
    [t, runId, f.requestId, session, f.offerId, f.schoolId, f.employerId],
  );
  await q(
    `insert into matching_unmatched_requests (tenant_id, run_id, request_id, school_id, reasons, summary) values ($1, $2, $3, $4, '[]', 'No offer of that type.')`,
    [t, runId, f.requestId, f.schoolId],
  );
  return f;
}

let db: TestDatabase;
let owner: Client;
let app: Client;
let a: Fixture;
let b: Fixture;
let tenantTables: string[];

/** Runs `fn` as tandem_app inside a transaction with app.tenant_id set (or unset), then rolls back. */
async function asApp<T>(tenantId: string | null, fn: (c: Client) => Promise<T>): Promise<T> {
  await app.query('begin');
  try {
    if (tenantId) await app.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await fn(app);
  } finally {
    await app.query('rollback');
  }
}

async function sqlState(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as { driverError?: { code?: string } }).driverError?.code ?? 'unknown';
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new Client({ connectionString: db.ownerUrl });
  app = new Client({ connectionString: db.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
  a = await seedTenant(owner, 'a');
  b = await seedTenant(owner, 'b');
  const { rows } = await owner.query<{ table_name: string }>(
    `select c.relname as table_name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute att on att.attrelid = c.oid and att.attname = 'tenant_id' and not att.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
});

afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await db?.drop();
});

describe('roles', () => {
  it('tandem_app is not superuser, has no BYPASSRLS, owns nothing; tandem_owner is not superuser', async () => {
    const { rows } = await owner.query(
      `select rolname, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole from pg_roles where rolname in ('tandem_app', 'tandem_owner') order by rolname`,
    );
    expect(rows).toEqual([
      { rolname: 'tandem_app', rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false },
      { rolname: 'tandem_owner', rolsuper: false, rolbypassrls: true, rolcreatedb: false, rolcreaterole: false },
    ]);
    const owned = await owner.query(
      `select (select count(*) from pg_class where relowner = r.oid)::int as relations,
              (select count(*) from pg_proc where proowner = r.oid)::int as functions,
              (select count(*) from pg_namespace where nspowner = r.oid)::int as schemas,
              (select count(*) from pg_database where datdba = r.oid)::int as databases
         from pg_roles r where r.rolname = 'tandem_app'`,
    );
    expect(owned.rows[0]).toEqual({ relations: 0, functions: 0, schemas: 0, databases: 0 });
    const dbOwner = await owner.query(`select pg_get_userbyid(datdba) as o from pg_database where datname = current_database()`);
    expect(dbOwner.rows[0].o).toBe('tandem_owner');
  });

  it('tandem_app cannot create tables or touch the migrations table', async () => {
    expect(await asApp(null, (c) => sqlState(c.query('create table evil (id int)')))).toBe('42501');
    expect(await asApp(null, (c) => sqlState(c.query('select * from schema_migrations')))).toBe('42501');
  });
});

describe('row-level security catalogue', () => {
  it('finds the expected tenant tables', () => {
    expect(tenantTables).toEqual([...TENANT_TABLES].sort());
  });

  it('every table with a tenant_id (and tenants) has RLS enabled, forced and a tenant policy', async () => {
    const { rows } = await owner.query<{ relname: string; enabled: boolean; forced: boolean; policies: string[] }>(
      `select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              coalesce(array_agg(p.polname || ':' || pg_get_expr(p.polqual, p.polrelid) || ':' || pg_get_expr(p.polwithcheck, p.polrelid))
                       filter (where p.polname is not null), '{}') as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         left join pg_policy p on p.polrelid = c.oid
        where n.nspname = 'public' and c.relname = any($1)
        group by c.relname, c.relrowsecurity, c.relforcerowsecurity`,
      [[...tenantTables, 'tenants']],
    );
    expect(rows).toHaveLength(tenantTables.length + 1);
    for (const r of rows) {
      expect({ table: r.relname, enabled: r.enabled, forced: r.forced }).toEqual({ table: r.relname, enabled: true, forced: true });
      const column = r.relname === 'tenants' ? 'id' : 'tenant_id';
      expect(r.policies).toEqual([`tenant_isolation:(${column} = app_current_tenant()):(${column} = app_current_tenant())`]);
    }
  });

  it('tandem_app without app.tenant_id sees zero rows in every tenant table (rows exist)', async () => {
    for (const table of [...tenantTables, 'tenants']) {
      const all = await owner.query(`select count(*)::int as n from ${table}`);
      expect({ table, n: all.rows[0].n > 0 }).toEqual({ table, n: true });
      const seen = await asApp(null, (c) => c.query(`select count(*)::int as n from ${table}`));
      expect({ table, n: seen.rows[0].n }).toEqual({ table, n: 0 });
    }
  });

  it('an empty app.tenant_id (after a previous transaction set it) still sees nothing', async () => {
    await asApp(a.tenantId, (c) => c.query('select 1'));
    const seen = await asApp(null, (c) =>
      c.query(`select current_setting('app.tenant_id', true) as s, (select count(*)::int from schools) as n`),
    );
    expect(seen.rows[0]).toEqual({ s: '', n: 0 });
  });

  it('tenant B sees only its own rows in every tenant table', async () => {
    for (const table of tenantTables) {
      const seen = await asApp(b.tenantId, (c) =>
        c.query(
          `select count(*) filter (where tenant_id = $1)::int as mine, count(*) filter (where tenant_id <> $1)::int as others from ${table}`,
          [b.tenantId],
        ),
      );
      expect({ table, ...seen.rows[0] }).toEqual({ table, mine: 1, others: 0 });
    }
    const tenants = await asApp(b.tenantId, (c) => c.query('select id from tenants'));
    expect(tenants.rows).toEqual([{ id: b.tenantId }]);
  });

  it("tenant B cannot update or delete tenant A's rows", async () => {
    await asApp(b.tenantId, async (c) => {
      expect((await c.query(`update schools set name = 'pwned' where id = $1`, [a.schoolId])).rowCount).toBe(0);
      expect((await c.query(`delete from pupils where id = $1`, [a.pupilId])).rowCount).toBe(0);
      expect((await c.query(`update tenants set name = 'pwned' where id = $1`, [a.tenantId])).rowCount).toBe(0);
      expect((await c.query(`delete from notification_outbox where tenant_id = $1`, [a.tenantId])).rowCount).toBe(0);
    });
    const check = await owner.query(`select name from schools where id = $1`, [a.schoolId]);
    expect(check.rows[0].name).toBe('Hillside Academy');
  });

  it("tenant B cannot insert a row carrying tenant A's id, nor move its own row to tenant A", async () => {
    const insert = await asApp(b.tenantId, (c) =>
      sqlState(c.query(`insert into clusters (tenant_id, name) values ($1, 'Sneaky')`, [a.tenantId])),
    );
    expect(insert).toBe('42501');
    const move = await asApp(b.tenantId, (c) =>
      sqlState(c.query(`update clusters set tenant_id = $1 where id = $2`, [a.tenantId, b.clusterId])),
    );
    expect(move).toBe('42501');
    const noTenant = await asApp(null, (c) =>
      sqlState(c.query(`insert into clusters (tenant_id, name) values ($1, 'Orphan')`, [a.tenantId])),
    );
    expect(noTenant).toBe('42501');
  });
});

describe('audit_log is append-only for tandem_app', () => {
  it('refuses update, delete and truncate; allows insert and select', async () => {
    expect(await asApp(a.tenantId, (c) => sqlState(c.query(`update audit_log set action = 'x'`)))).toBe('42501');
    expect(await asApp(a.tenantId, (c) => sqlState(c.query(`delete from audit_log`)))).toBe('42501');
    expect(await asApp(a.tenantId, (c) => sqlState(c.query(`truncate audit_log`)))).toBe('42501');
    const n = await asApp(a.tenantId, async (c) => {
      await c.query(`insert into audit_log (tenant_id, action, entity_type) values ($1, 'x', 'y')`, [a.tenantId]);
      return (await c.query('select count(*)::int as n from audit_log')).rows[0].n;
    });
    expect(n).toBe(2);
  });

  it('AuditLog.record stamps tenant, actor and correlation id from the context', async () => {
    const entityId = randomUUID();
    await TenantContext.run({ tenantId: a.tenantId, actorUserId: a.userId, correlationId: 'corr-1' }, () =>
      db.tenantDb.transaction((em) =>
        AuditLog.record(em, { action: 'pupil.read', entityType: 'pupil', entityId, detail: { fields: ['year_group'] } }),
      ),
    );
    const { rows } = await owner.query(`select tenant_id, actor_user_id, correlation_id, detail from audit_log where entity_id = $1`, [
      entityId,
    ]);
    expect(rows).toEqual([
      { tenant_id: a.tenantId, actor_user_id: a.userId, correlation_id: 'corr-1', detail: { fields: ['year_group'] } },
    ]);
  });
});

describe('TenantDb', () => {
  it('throws TENANT_CONTEXT_MISSING without a context', async () => {
    await expect(db.tenantDb.transaction(async () => 1)).rejects.toMatchObject({ code: 'TENANT_CONTEXT_MISSING' });
    await expect(db.tenantDb.transaction(async () => 1)).rejects.toBeInstanceOf(DomainError);
  });

  it('sets the tenant for the transaction only and sees that tenant alone', async () => {
    const result = await TenantContext.run({ tenantId: a.tenantId, actorUserId: a.userId }, () =>
      db.tenantDb.transaction(async (em) => ({
        schools: await em.find(School),
        setting: (await em.query(`select current_setting('app.tenant_id') as t, current_setting('app.actor_user_id') as u`))[0],
        role: (await em.query('select current_user as r'))[0].r,
      })),
    );
    expect(result.schools.map((s) => s.id)).toEqual([a.schoolId]);
    expect(result.setting).toEqual({ t: a.tenantId, u: a.userId });
    expect(result.role).toBe('tandem_app');
    const after = await db.appDataSource.query(`select count(*)::int as n from schools`);
    expect(after[0].n).toBe(0);
  });

  it('a nested call joins the open transaction (same txid; rollback undoes both)', async () => {
    const ids = await TenantContext.run({ tenantId: a.tenantId, actorUserId: null }, async () => {
      let inner = '';
      const outer = await db.tenantDb
        .transaction(async (em) => {
          const outerTx = (await em.query('select txid_current()::text as id'))[0].id as string;
          await db.tenantDb.transaction(async (em2) => {
            expect(em2).toBe(em);
            inner = (await em2.query('select txid_current()::text as id'))[0].id;
            await em2.insert(Cluster, { tenantId: a.tenantId, name: 'Rolled back' });
          });
          throw Object.assign(new Error('rollback please'), { outerTx });
        })
        .catch((e: { outerTx: string }) => e.outerTx);
      return { outer, inner };
    });
    expect(ids.inner).toBe(ids.outer);
    const { rows } = await owner.query(`select count(*)::int as n from clusters where name = 'Rolled back'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses to join an open transaction from another tenant', async () => {
    await expect(
      TenantContext.run({ tenantId: a.tenantId, actorUserId: null }, () =>
        db.tenantDb.transaction(() =>
          TenantContext.run({ tenantId: b.tenantId, actorUserId: null }, () => db.tenantDb.transaction(async () => 1)),
        ),
      ),
    ).rejects.toThrow(/cannot join a transaction/);
  });

  it('sequential transactions on a pooled connection do not leak the tenant', async () => {
    const seen: number[] = [];
    for (const t of [a.tenantId, b.tenantId, a.tenantId]) {
      await TenantContext.run({ tenantId: t, actorUserId: null }, () => db.tenantDb.transaction(async (em) => em.count(School)));
      seen.push((await db.appDataSource.query('select count(*)::int as n from schools'))[0].n);
    }
    expect(seen).toEqual([0, 0, 0]);
  });
});

describe('TenantRepository', () => {
  class ClusterRepository extends TenantRepository<Cluster> {
    constructor() {
      super(db.tenantDb, Cluster, 'cluster');
    }
  }

  it('inserts with the context tenant and refuses another tenant id', async () => {
    const repo = new ClusterRepository();
    const created = await TenantContext.run({ tenantId: b.tenantId, actorUserId: null }, () => repo.insert({ name: 'South' }));
    expect(created).toMatchObject({ tenantId: b.tenantId, name: 'South', archivedAt: null });
    expect(created.createdAt).toBeInstanceOf(Date);
    await expect(
      TenantContext.run({ tenantId: b.tenantId, actorUserId: null }, () => repo.insert({ tenantId: a.tenantId, name: 'Nope' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("findById returns null for another tenant's row and for a non-uuid", async () => {
    const repo = new ClusterRepository();
    await TenantContext.run({ tenantId: b.tenantId, actorUserId: null }, async () => {
      expect(await repo.findById(a.clusterId)).toBeNull();
      expect(await repo.findById('not-a-uuid')).toBeNull();
      expect((await repo.findById(b.clusterId))?.name).toBe('North');
      await expect(repo.getById(a.clusterId, 'cluster')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await repo.update(a.clusterId, { name: 'x' })).toBeNull();
      expect((await repo.update(b.clusterId, { name: 'North East' }))?.name).toBe('North East');
    });
  });

  it('pages by (created_at, id) keyset without gaps or repeats, including same-timestamp rows', async () => {
    const repo = new ClusterRepository();
    const tenant = await db.systemDb.createTenant({ name: 'Paging hub', slug: 'paging-hub' });
    await TenantContext.run({ tenantId: tenant.id, actorUserId: null }, async () => {
      // 7 rows in one transaction share created_at (app_now() is per transaction): the id breaks ties.
      await db.tenantDb.transaction(async () => {
        for (let i = 0; i < 7; i++) await repo.insert({ name: `C${i}` });
      });
      for (let i = 7; i < 10; i++) await repo.insert({ name: `C${i}` });
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const page: Awaited<ReturnType<typeof repo.page>> = await repo.page({ first: 3, after, order });
          seen.push(...page.items.map((c) => c.name));
          pages++;
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        expect(pages).toBe(4);
        expect(new Set(seen).size).toBe(10);
      }
      const filtered = await repo.page({ first: 5 }, (qb) => qb.andWhere('cluster.name in (:...names)', { names: ['C1', 'C8'] }));
      expect(filtered.items.map((c) => c.name).sort()).toEqual(['C1', 'C8']);
      await expect(repo.page({ after: 'garbage!' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    });
  });
});

describe('constraints', () => {
  const insertAs = (tenantId: string, sql: string, params: unknown[]) => asApp(tenantId, (c) => sqlState(c.query(sql, params)));

  it('rejects a URN that is not 6 digits', async () => {
    expect(
      await insertAs(a.tenantId, `insert into schools (tenant_id, urn, name, phase) values ($1, '12345', 'X', 'secondary')`, [a.tenantId]),
    ).toBe('23514');
    expect(
      await insertAs(a.tenantId, `insert into schools (tenant_id, urn, name, phase) values ($1, '12345a', 'X', 'secondary')`, [a.tenantId]),
    ).toBe('23514');
    expect(
      await insertAs(a.tenantId, `insert into schools (tenant_id, urn, name, phase) values ($1, '123456', 'X', 'secondary')`, [a.tenantId]),
    ).toBeUndefined();
  });

  it('rejects a duplicate URN within a tenant but allows it in another', async () => {
    expect(
      await insertAs(a.tenantId, `insert into schools (tenant_id, urn, name, phase) values ($1, '100001', 'Dup', 'secondary')`, [
        a.tenantId,
      ]),
    ).toBe('23505');
  });

  it('rejects windows that end before they start', async () => {
    expect(
      await insertAs(
        a.tenantId,
        `insert into offer_availability_windows (tenant_id, offer_id, starts_on, ends_on, start_time, end_time) values ($1, $2, '2026-01-05', '2026-01-06', '15:00', '13:00')`,
        [a.tenantId, a.offerId],
      ),
    ).toBe('23514');
    expect(
      await insertAs(
        a.tenantId,
        `insert into offer_availability_windows (tenant_id, offer_id, starts_on, ends_on, start_time, end_time) values ($1, $2, '2026-01-05', '2026-01-04', '13:00', '15:00')`,
        [a.tenantId, a.offerId],
      ),
    ).toBe('23514');
    expect(
      await insertAs(
        a.tenantId,
        `insert into request_windows (tenant_id, request_id, starts_at, ends_at) values ($1, $2, '2026-02-03 15:00Z', '2026-02-03 13:30Z')`,
        [a.tenantId, a.requestId],
      ),
    ).toBe('23514');
  });

  it('rejects bad year groups, empty arrays, pupils with neither birth date nor year group, and wrong membership scope', async () => {
    const offer = (yearGroups: string) =>
      insertAs(
        a.tenantId,
        `insert into offers (tenant_id, employer_id, title, activity_type, format, duration_minutes, pupils_per_session, sessions_available, year_groups, benchmark)
         values ($1, $2, 't', 'careers_talk', 'virtual', 20, 30, 1, $3, 5)`,
        [a.tenantId, a.employerId, yearGroups],
      );
    expect(await offer('{}')).toBe('23514');
    expect(await offer('{6,7}')).toBe('23514');
    expect(await offer('{7,NULL}')).toBe('23514');
    expect(await offer('{7,13}')).toBeUndefined();
    expect(
      await insertAs(a.tenantId, `insert into pupils (tenant_id, school_id, reference) values ($1, $2, 'P999')`, [a.tenantId, a.schoolId]),
    ).toBe('23514');
    expect(
      await insertAs(a.tenantId, `insert into memberships (tenant_id, user_id, role, cluster_id) values ($1, $2, 'school_staff', $3)`, [
        a.tenantId,
        a.userId,
        a.clusterId,
      ]),
    ).toBe('23514');
    expect(
      await insertAs(a.tenantId, `insert into memberships (tenant_id, user_id, role) values ($1, $2, 'hub_admin')`, [a.tenantId, a.userId]),
    ).toBe('23505');
    expect(await insertAs(a.tenantId, `insert into employers (tenant_id, name, size_band) values ($1, 'E', 'huge')`, [a.tenantId])).toBe(
      '23514',
    );
  });

  it('composite foreign keys block references into another tenant (even though FK checks bypass RLS)', async () => {
    expect(
      await insertAs(
        b.tenantId,
        `insert into schools (tenant_id, cluster_id, urn, name, phase) values ($1, $2, '200002', 'X', 'secondary')`,
        [b.tenantId, a.clusterId],
      ),
    ).toBe('23503');
    expect(
      await insertAs(b.tenantId, `insert into pupils (tenant_id, school_id, reference, year_group) values ($1, $2, 'X1', 9)`, [
        b.tenantId,
        a.schoolId,
      ]),
    ).toBe('23503');
    expect(
      await insertAs(
        b.tenantId,
        `insert into memberships (tenant_id, user_id, role, employer_id) values ($1, $2, 'employer_contact', $3)`,
        [b.tenantId, b.userId, a.employerId],
      ),
    ).toBe('23503');
    expect(
      await insertAs(
        b.tenantId,
        `insert into request_windows (tenant_id, request_id, starts_at, ends_at) values ($1, $2, app_now(), app_now() + interval '1 hour')`,
        [b.tenantId, a.requestId],
      ),
    ).toBe('23503');
  });
});

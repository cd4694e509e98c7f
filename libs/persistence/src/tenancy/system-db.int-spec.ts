import { Client } from 'pg';
import { createTestDatabase, superuserUrl, TestDatabase } from '@tandem/test-support';
import { bootstrapDatabase } from '../bootstrap';
import { Membership, TenantContext, TenantRepository } from '../index';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('SystemDb', () => {
  it('creates users with a case-insensitive unique email and finds them by any casing', async () => {
    const user = await db.systemDb.createUser({ email: 'Ada@Example.org', displayName: 'Ada' });
    expect(user).toMatchObject({ email: 'Ada@Example.org', passwordHash: null, isPlatformAdmin: false, disabledAt: null });
    expect((await db.systemDb.findUserByEmail(' ada@example.ORG '))?.id).toBe(user.id);
    await expect(db.systemDb.createUser({ email: 'ADA@example.org' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS', field: 'email' });
    await db.systemDb.setPasswordHash(user.id, '$argon2id$fake');
    db.clock.set('2026-01-02T03:04:05Z');
    await db.systemDb.recordLogin(user.id);
    const reloaded = await db.systemDb.findUserById(user.id);
    expect(reloaded).toMatchObject({ passwordHash: '$argon2id$fake', lastLoginAt: new Date('2026-01-02T03:04:05Z') });
    expect(await db.systemDb.findUserById('nope')).toBeNull();
    expect((await db.systemDb.findUsersByIds([user.id, user.id, 'x'])).map((u) => u.id)).toEqual([user.id]);
  });

  it('creates tenants (slug unique) and lists them through the SECURITY DEFINER function', async () => {
    const one = await db.systemDb.createTenant({ name: 'North Hub', slug: 'north' });
    const two = await db.systemDb.createTenant({ name: 'South Hub', slug: 'south', settings: { benchmarkPolicy: '2024' } });
    expect(two.settings).toEqual({ benchmarkPolicy: '2024' });
    await expect(db.systemDb.createTenant({ name: 'Again', slug: 'north' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      field: 'slug',
    });
    const list = await db.systemDb.listTenants();
    expect(list.map((t) => t.slug)).toEqual(['north', 'south']);
    expect(await db.systemDb.tenantBySlug('south')).toEqual({ id: two.id, name: 'South Hub', slug: 'south' });
    expect(await db.systemDb.tenantBySlug('west')).toBeNull();
    // The app role still cannot read tenants directly.
    expect((await db.appDataSource.query('select count(*)::int as n from tenants'))[0].n).toBe(0);
    expect(one.id).not.toBe(two.id);
  });

  it('finds memberships across tenants and tenants of token hashes, before any tenant is known', async () => {
    const user = await db.systemDb.createUser({ email: 'multi@example.org' });
    const t1 = await db.systemDb.createTenant({ name: 'Alpha', slug: 'alpha' });
    const t2 = await db.systemDb.createTenant({ name: 'Beta', slug: 'beta' });
    const memberships = (tenantDb = db.tenantDb) => new TenantRepository<Membership>(tenantDb, Membership);
    const m1 = await TenantContext.run({ tenantId: t1.id, actorUserId: null }, () =>
      memberships().insert({ userId: user.id, role: 'hub_admin' }),
    );
    const m2 = await TenantContext.run({ tenantId: t2.id, actorUserId: null }, () =>
      memberships().insert({ userId: user.id, role: 'hub_admin' }),
    );
    await TenantContext.run({ tenantId: t2.id, actorUserId: null }, () =>
      db.tenantDb.transaction(async (em) => {
        await em.query(
          `insert into invitations (tenant_id, email, role, token_hash, expires_at) values ($1, 'x@example.org', 'hub_admin', $2, app_now() + interval '1 day')`,
          [t2.id, 'a'.repeat(64)],
        );
        await em.query(
          `insert into refresh_sessions (tenant_id, user_id, membership_id, token_hash, expires_at) values ($1, $2, $3, $4, app_now() + interval '1 day')`,
          [t2.id, user.id, m2.id, 'b'.repeat(64)],
        );
      }),
    );
    const found = await db.systemDb.membershipsForUser(user.id);
    expect(found).toEqual([
      {
        tenantId: t1.id,
        tenantName: 'Alpha',
        tenantSlug: 'alpha',
        membershipId: m1.id,
        role: 'hub_admin',
        clusterId: null,
        schoolId: null,
        employerId: null,
      },
      {
        tenantId: t2.id,
        tenantName: 'Beta',
        tenantSlug: 'beta',
        membershipId: m2.id,
        role: 'hub_admin',
        clusterId: null,
        schoolId: null,
        employerId: null,
      },
    ]);
    await TenantContext.run({ tenantId: t1.id, actorUserId: null }, () =>
      db.tenantDb.transaction((em) => em.update(Membership, { id: m1.id }, { archivedAt: db.clock.now() })),
    );
    expect((await db.systemDb.membershipsForUser(user.id)).map((m) => m.tenantSlug)).toEqual(['beta']);
    expect(await db.systemDb.tenantOfInvitation('a'.repeat(64))).toBe(t2.id);
    expect(await db.systemDb.tenantOfInvitation('c'.repeat(64))).toBeNull();
    expect(await db.systemDb.tenantOfRefreshSession('b'.repeat(64))).toBe(t2.id);
    expect(await db.systemDb.tenantOfRefreshSession('a'.repeat(64))).toBeNull();
  });
});

describe('bootstrapDatabase', () => {
  it('is idempotent on an existing database and keeps the roles as they must be', async () => {
    await bootstrapDatabase({ superuserUrl: superuserUrl(), database: db.name });
    await bootstrapDatabase({ superuserUrl: superuserUrl(), database: db.name });
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `select has_table_privilege('tandem_app', 'schools', 'select, insert, update, delete') as dml,
                has_table_privilege('tandem_app', 'audit_log', 'update') as audit_update,
                has_table_privilege('tandem_app', 'audit_log', 'insert') as audit_insert,
                has_function_privilege('tandem_app', 'auth_memberships_for_user(uuid)', 'execute') as fn,
                (select extname from pg_extension where extname = 'citext') as citext`,
      );
      expect(rows[0]).toEqual({ dml: true, audit_update: false, audit_insert: true, fn: true, citext: 'citext' });
    } finally {
      await owner.end();
    }
  });
});

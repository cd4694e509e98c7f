import { PasswordHasher } from '@tandem/platform';
import { TenantContext } from '@tandem/persistence';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { formatDemoLogins, seedDemoHub, type DemoSeedResult } from './demo-seed';

/** The demo hub `npm run dev` loads, on a real database as the app role (RLS applies). */
let db: TestDatabase;
let result: DemoSeedResult;

beforeAll(async () => {
  db = await createTestDatabase();
  result = await seedDemoHub(db.appDataSource, { clock: db.clock, referenceDate: '2026-11-25' });
});
afterAll(() => db?.drop());

const count = (sql: string): Promise<number> =>
  TenantContext.run({ tenantId: result.tenantId, actorUserId: null }, () =>
    db.tenantDb.transaction(async (em) => Number((await em.query(sql))[0].n)),
  );

it('loads one hub of the size the issue asks for', async () => {
  expect(result.counts).toMatchObject({ clusters: 2, schools: 20, employers: 80 });
  expect(await count('select count(*)::int as n from schools')).toBe(20);
  expect(await count('select count(distinct cluster_id)::int as n from schools')).toBe(2);
  const pupils = await count('select count(*)::int as n from pupils');
  expect(pupils).toBe(result.counts['pupils']);
  expect(pupils).toBeGreaterThan(18_000);
  expect(await count('select count(distinct year_group)::int as n from pupils')).toBe(7);
  expect(
    await count(`select count(*)::int as n from employers e where exists (select 1 from vetting_checks v where v.employer_id = e.id)`),
  ).toBe(80);
  expect(await count(`select count(distinct activity_type)::int as n from offers`)).toBeGreaterThanOrEqual(8);
  expect(await count(`select count(*)::int as n from offer_sessions`)).toBe(result.counts['sessions']);
  expect(
    await count(`select count(*)::int as n from requests r where exists (select 1 from request_windows w where w.request_id = r.id)`),
  ).toBe(result.counts['requests']);
});

it('starts the year part-way: encounters logged so far count in the ledger, unevenly across schools', async () => {
  expect(await count('select count(*)::int as n from encounter_attendance')).toBe(result.counts['attendances']);
  const met = await count(`select count(*)::int as n from ledger_pupil_years where academic_year = 2026 and benchmark = 5 and met`);
  expect(met).toBeGreaterThan(1000);
  expect(met).toBeLessThan(result.counts['pupils'] / 2);
  const spread = await count(
    `select (max(p) - min(p))::int as n from (select 100 * sum(met) / sum(pupils) as p from ledger_school_counts where academic_year = 2026 and benchmark = 5 group by school_id) x`,
  );
  expect(spread).toBeGreaterThan(10);
});

it('gives every role a working log-in scoped to a real record', async () => {
  expect(result.logins.map((l) => l.role).sort()).toEqual([
    'coordinator',
    'coordinator',
    'employer_contact',
    'employer_contact',
    'hub_admin',
    'platform_admin',
    'school_staff',
    'school_staff',
  ]);
  const hasher = new PasswordHasher();
  for (const login of result.logins) {
    const user = await db.systemDb.findUserByEmail(login.email);
    expect(user && (await hasher.verify(user.passwordHash ?? '', result.password))).toBe(true);
    const memberships = await db.systemDb.membershipsForUser(user?.id ?? '');
    if (login.role === 'platform_admin') {
      expect(user?.isPlatformAdmin).toBe(true);
      expect(memberships).toEqual([]);
    } else {
      expect(memberships).toEqual([expect.objectContaining({ tenantId: result.tenantId, role: login.role })]);
    }
  }
  expect(formatDemoLogins(result)).toContain(`Password for every demo log-in: ${result.password}`);
});

it('keeps the demo inside its tenant (another tenant sees none of it)', async () => {
  const other = await db.systemDb.createTenant({ name: 'Elsewhere', slug: 'elsewhere' });
  const seen = await TenantContext.run({ tenantId: other.id, actorUserId: null }, () =>
    db.tenantDb.transaction(async (em) =>
      Number((await em.query('select (select count(*) from pupils) + (select count(*) from schools) as n'))[0].n),
    ),
  );
  expect(seen).toBe(0);
});

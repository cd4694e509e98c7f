import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@tandem/test-support';
import { CONSTRAINT_MESSAGES, ENTITIES, TenantContext } from '../index';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('entities match the migrated schema', () => {
  it('every constraint with its own wording (CONSTRAINT_MESSAGES) exists, as a constraint or a unique index', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ name: string }>(
        `select conname as name from pg_constraint join pg_namespace n on n.oid = connamespace where n.nspname = 'public'
         union select indexname from pg_indexes where schemaname = 'public'`,
      );
      const names = new Set(rows.map((r) => r.name));
      expect(Object.keys(CONSTRAINT_MESSAGES).filter((name) => !names.has(name))).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('every entity column exists with that name, and every table column is mapped', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns where table_schema = 'public' and table_name <> 'schema_migrations'`,
      );
      const inDb = new Map<string, Set<string>>();
      for (const r of rows) inDb.set(r.table_name, (inDb.get(r.table_name) ?? new Set()).add(r.column_name));
      const mappedTables = new Set<string>();
      for (const entity of ENTITIES) {
        const meta = db.appDataSource.getMetadata(entity);
        mappedTables.add(meta.tableName);
        const dbColumns = inDb.get(meta.tableName);
        expect({ table: meta.tableName, exists: !!dbColumns }).toEqual({ table: meta.tableName, exists: true });
        const mapped = meta.columns.map((c) => c.databaseName).sort();
        expect({ table: meta.tableName, columns: mapped }).toEqual({ table: meta.tableName, columns: [...(dbColumns ?? [])].sort() });
      }
      expect([...mappedTables].sort()).toEqual([...inDb.keys()].sort());
    } finally {
      await owner.end();
    }
  });

  it('every entity can be queried through TenantDb (empty tenant)', async () => {
    const tenant = await db.systemDb.createTenant({ name: 'Empty', slug: 'empty' });
    await TenantContext.run({ tenantId: tenant.id, actorUserId: null }, () =>
      db.tenantDb.transaction(async (em) => {
        for (const entity of ENTITIES) {
          const rows = await em.find(entity, { take: 1 });
          expect(Array.isArray(rows)).toBe(true);
        }
      }),
    );
  });
});

describe('column types round-trip', () => {
  it('numeric → number, date → YYYY-MM-DD string, arrays → arrays, timestamptz → Date', async () => {
    const { School, Offer, Employer, Pupil } = await import('../index');
    const tenant = await db.systemDb.createTenant({ name: 'Types', slug: 'types' });
    const got = await TenantContext.run({ tenantId: tenant.id, actorUserId: null }, () =>
      db.tenantDb.transaction(async (em) => {
        const school = await em.save(
          em.create(School, {
            tenantId: tenant.id,
            urn: '123456',
            name: 'S',
            phase: 'secondary',
            latitude: 51.5,
            longitude: -0.12,
            lowestYearGroup: 7,
            highestYearGroup: 13,
          }),
        );
        const employer = await em.save(em.create(Employer, { tenantId: tenant.id, name: 'E', sizeBand: 'micro' }));
        const offer = await em.save(
          em.create(Offer, {
            tenantId: tenant.id,
            employerId: employer.id,
            title: 'T',
            activityType: 'careers_talk',
            format: 'virtual',
            durationMinutes: 20,
            pupilsPerSession: 30,
            sessionsAvailable: 2,
            yearGroups: [9, 10],
            travelRadiusKm: 12.5,
            benchmark: 5,
          }),
        );
        await em.save(
          em.create(Pupil, {
            tenantId: tenant.id,
            schoolId: school.id,
            reference: 'R1',
            dateOfBirth: '2012-09-01',
            onRollFrom: '2023-09-01',
          }),
        );
        return {
          school: await em.findOneByOrFail(School, { id: school.id }),
          offer: await em.findOneByOrFail(Offer, { id: offer.id }),
          pupil: await em.findOneByOrFail(Pupil, { reference: 'R1' }),
        };
      }),
    );
    expect(got.school).toMatchObject({ urn: '123456', latitude: 51.5, longitude: -0.12 });
    expect(got.school.createdAt).toBeInstanceOf(Date);
    expect(got.offer).toMatchObject({ yearGroups: [9, 10], travelRadiusKm: 12.5, status: 'draft', benchmark: 5 });
    expect(got.pupil).toMatchObject({
      dateOfBirth: '2012-09-01',
      onRollFrom: '2023-09-01',
      yearGroup: null,
      disadvantaged: false,
      roniScore: null,
    });
  });
});

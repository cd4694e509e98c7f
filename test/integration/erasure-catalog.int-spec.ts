/**
 * Findings 8 and 9 of issue 14, driven by the catalogue like the RLS test: after a pupil is erased,
 * no column of any table holds their reference, name or date of birth, and every table that links to
 * the pupil (a `pupil_id` column) keeps only columns classified below as harmless, with the ones
 * that encode special-category data (priority rank: disadvantaged, SEND, care-experienced) cleared.
 * A new column in such a table fails here until it is classified. The subject-access export, taken
 * before, holds everything those tables keep about the pupil.
 */
import { randomBytes } from 'node:crypto';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { seedDemoHub, type DemoSeedResult } from '@tandem/features';
import { Client } from 'pg';

let api: TestApi;
let demo: DemoSeedResult;
let owner: Client;
let token: string;

/**
 * Every column of a table with a `pupil_id`, and what erasure must leave in it for that pupil's rows:
 * 'keep' (not identifying on its own: ids, counts, dates of the school's events, year group),
 * or a SQL predicate the erased row must satisfy.
 */
const LINKED_COLUMNS: Record<string, Record<string, 'keep' | string>> = {
  encounter_attendance: { tenant_id: 'keep', encounter_id: 'keep', pupil_id: 'keep', school_id: 'keep', created_at: 'keep' },
  ledger_pupils: {
    tenant_id: 'keep',
    pupil_id: 'keep',
    school_id: 'keep',
    entry_year: 'keep',
    on_roll_from: 'keep',
    on_roll_to: 'keep',
    reference: "reference like 'erased-%'",
    priority_rank: 'priority_rank = 0',
  },
  ledger_pupil_years: {
    tenant_id: 'keep',
    pupil_id: 'keep',
    school_id: 'keep',
    academic_year: 'keep',
    benchmark: 'keep',
    year_group: 'keep',
    window_index: 'keep',
    minimum: 'keep',
    met: 'keep',
    met_on: 'keep',
    encounter_dates: 'keep',
    on_roll_from: 'keep',
    on_roll_to: 'keep',
    reference: "reference like 'erased-%'",
    priority_rank: 'priority_rank = 0',
  },
  coverage_snapshot_pupils: {
    tenant_id: 'keep',
    snapshot_id: 'keep',
    pupil_id: 'keep',
    benchmark: 'keep',
    school_id: 'keep',
    year_group: 'keep',
    encounters: 'keep',
    met: 'keep',
    priority_rank: 'priority_rank = 0',
  },
};

beforeAll(async () => {
  api = await startTestApi();
  demo = await seedDemoHub(api.db.appDataSource, {
    clock: api.clock,
    referenceDate: api.clock.today(),
    slug: `erasure-${randomBytes(3).toString('hex')}`,
    schools: 1,
    pupilsPerYearGroup: 6,
    employers: 3,
    requests: 3,
  });
  owner = new Client({ connectionString: api.db.ownerUrl });
  await owner.connect();
  const admin = await api.db.systemDb.findUserByEmail(demo.logins.find((l) => l.role === 'hub_admin')?.email ?? '');
  const [membership] = await api.db.systemDb.membershipsForUser(admin?.id ?? '');
  token = api.tokenFor(
    await api.startSession({
      userId: admin?.id ?? '',
      tenantId: demo.tenantId,
      membershipId: membership?.membershipId ?? null,
      role: 'hub_admin',
    }),
  );
  // Keep the other fixture hub around: its rows must not be touched, and scans must see past them.
  (await createHubFixture(api, 'bystander')) satisfies HubFixture;
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await api?.close();
});

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await owner.query(text, params)).rows as T[];

it('classifies every column of every table that links to a pupil (a new one fails here)', async () => {
  const rows = await q<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
      where c.table_schema = 'public' and c.table_name in (select table_name from information_schema.columns where table_schema = 'public' and column_name = 'pupil_id')
      order by 1, 2`,
  );
  const found: Record<string, string[]> = {};
  for (const r of rows) (found[r.table_name] ??= []).push(r.column_name);
  expect(Object.fromEntries(Object.entries(found).map(([t, cols]) => [t, cols.sort()]))).toEqual(
    Object.fromEntries(Object.entries(LINKED_COLUMNS).map(([t, cols]) => [t, Object.keys(cols).sort()])),
  );
});

it('erases: no table keeps the pupil’s identity or special-category data, and the export had it all', async () => {
  // A pupil with a flag (a priority rank), attendance, ledger rows, a snapshot and an import problem.
  const [pupil] = await q<{ id: string; reference: string; school_id: string }>(
    `select p.id, p.reference, p.school_id from pupils p
      where p.tenant_id = $1 and (p.disadvantaged or p.send or p.care_experienced)
        and exists (select 1 from encounter_attendance a where a.pupil_id = p.id)
      order by p.reference limit 1`,
    [demo.tenantId],
  );
  expect(pupil).toBeDefined();
  const id = pupil?.id as string;
  const reference = pupil?.reference as string;
  await api.ok(
    `mutation($id: ID!, $input: UpdatePupilInput!) { updatePupil(id: $id, input: $input) { id } }`,
    { id, input: { displayName: 'Philomena Xanthopoulos' } },
    token,
  );
  const [{ date_of_birth: dob } = { date_of_birth: '' }] = await q<{ date_of_birth: string }>(
    `select date_of_birth::text from pupils where id = $1`,
    [id],
  );
  await api.ok(
    `mutation($input: TakeCoverageSnapshotInput!) { takeCoverageSnapshot(input: $input) { id } }`,
    { input: { schoolId: pupil?.school_id, asOf: api.clock.today() } },
    token,
  );
  const ukDob = dob.split('-').reverse().join('/');
  await q(
    `insert into import_jobs (tenant_id, school_id, kind, mode, status, total_rows, processed_rows, error_count, errors, created_by_user_id)
     values ($1, $2, 'pupils', 'valid_rows_only', 'succeeded', 2, 2, 2, $3::jsonb, null)`,
    [
      demo.tenantId,
      pupil?.school_id,
      JSON.stringify([
        { line: 2, field: 'send', code: 'VALIDATION_FAILED', message: 'SEND must be Y or N (got "maybe")', reference },
        { line: 2, field: 'dateOfBirth', code: 'INVALID_DATE', message: `DOB is after the year group allows (got "${ukDob}")`, reference },
      ]),
    ],
  );
  const identifiers = [reference, 'Philomena Xanthopoulos', dob, ukDob];

  // The subject-access export: the record and everything that links to it.
  const { exportPupilData } = await api.ok<{ exportPupilData: { json: string } }>(
    `query($id: ID!) { exportPupilData(id: $id) { json } }`,
    { id },
    token,
  );
  const doc = JSON.parse(exportPupilData.json) as Record<string, unknown[] | Record<string, unknown>>;
  const attended = await q<{ n: number }>(`select count(*)::int as n from encounter_attendance where pupil_id = $1`, [id]);
  const ledger = await q<{ n: number }>(`select count(*)::int as n from ledger_pupil_years where pupil_id = $1`, [id]);
  const snapshots = await q<{ n: number }>(`select count(*)::int as n from coverage_snapshot_pupils where pupil_id = $1`, [id]);
  expect(doc['pupil']).toMatchObject({ id, reference, displayName: 'Philomena Xanthopoulos', dateOfBirth: dob });
  expect(doc['encounters']).toHaveLength(attended[0]?.n ?? -1);
  expect(doc['benchmarkProgress']).toHaveLength(ledger[0]?.n ?? -1);
  expect(doc['reportingSnapshots']).toHaveLength(snapshots[0]?.n ?? -1);
  expect(doc['importProblems']).toHaveLength(2);
  expect((snapshots[0]?.n ?? 0) > 0 && (attended[0]?.n ?? 0) > 0).toBe(true);

  await api.ok(`mutation($id: ID!) { erasePupil(id: $id) { id } }`, { id }, token);

  // 1. The identifiers appear nowhere: every text, json, array and date column of every table.
  const columns = await q<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'USER-DEFINED', 'jsonb', 'json', 'ARRAY', 'date')
        and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    for (const value of identifiers) {
      const [row] = await q<{ n: number }>(`select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text like $1`, [
        `%${value}%`,
      ]);
      if ((row?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name} holds "${value}"`);
    }
  }
  expect(found).toEqual([]);

  // 2. Every row that links to the pupil satisfies its table's erasure rule.
  const broken: string[] = [];
  for (const [table, cols] of Object.entries(LINKED_COLUMNS)) {
    for (const [column, rule] of Object.entries(cols)) {
      if (rule === 'keep') continue;
      const [row] = await q<{ n: number }>(`select count(*)::int as n from ${table} where pupil_id = $1 and not (${rule})`, [id]);
      if ((row?.n ?? 0) > 0) broken.push(`${table}.${column}: ${row?.n} row(s) break "${rule}"`);
    }
  }
  expect(broken).toEqual([]);
  // The pupil row itself: personal fields cleared.
  expect(
    await q(`select display_name, date_of_birth, disadvantaged, send, care_experienced, roni_score from pupils where id = $1`, [id]),
  ).toEqual([{ display_name: null, date_of_birth: null, disadvantaged: false, send: false, care_experienced: false, roni_score: null }]);
}, 120_000);

import { randomUUID } from 'node:crypto';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type TestApi } from '../src/testing/test-api';
import { BM5_CHECKLIST, BM6_CHECKLIST, count, leaks, seedPupils, sql, YEAR } from './testing/ledger-seed';

/** Encounters, attendance (by id and CSV), the meaningful checklist and policies, through the API. */

const ENCOUNTER = `id schoolId bookingId date activityType format title yearGroups durationMinutes status headcountOnly headcount checklist
  attendanceCount employers { employerId name volunteers } benchmarks { benchmark counts reasons }`;
const LOG = `mutation($input: LogEncounterInput!) { logEncounter(input: $input) { ${ENCOUNTER} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEncounterInput!) { updateEncounter(id: $id, input: $input) { ${ENCOUNTER} } }`;
const ATTEND = `mutation($id: ID!, $input: AttendanceInput!) { recordAttendance(encounterId: $id, input: $input) { added removed attendanceCount errors { line } encounter { id attendanceCount } } }`;
const ATTEND_CSV = `mutation($id: ID!, $input: AttendanceCsvInput!) { recordAttendanceCsv(encounterId: $id, input: $input) { added removed attendanceCount errors { line field code message } } }`;
const CHECKLIST = `mutation($id: ID!, $criteria: [String!]!) { setEncounterChecklist(encounterId: $id, criteria: $criteria) { id checklist benchmarks { benchmark counts reasons } } }`;
const GET = `query($id: ID!) { encounter(id: $id) { ${ENCOUNTER} attendees { pupilId reference yearGroup } } }`;
const LIST = `query($filter: EncounterFilter, $first: Int, $after: String) { encounters(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
const SCHOOL = `query($id: ID!, $year: Int) { schoolCoverage(schoolId: $id, academicYear: $year) { figures { benchmark pupils met gap } headcountOnly { encounters headcount } } }`;
const CHOOSE = `mutation($input: ChooseBenchmarkPolicyInput!) { chooseBenchmarkPolicy(input: $input) { key version } }`;

describe('benchmark ledger: encounters and attendance', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;
  let a: Record<string, string>;
  let b: Record<string, string>;
  let theirs: Record<string, string>;

  const talk = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    schoolId: hub.schoolA.id,
    date: '2025-10-07',
    activityType: 'careers_talk',
    format: 'in_person_school',
    yearGroups: [9],
    checklist: BM5_CHECKLIST,
    employers: [{ employerId: hub.employer.id, volunteers: 2 }],
    durationMinutes: 60,
    ...over,
  });
  const bm5 = async (token = hub.tokens.hubAdmin): Promise<{ pupils: number; met: number }> => {
    const res = await api.ok<{ schoolCoverage: { figures: Array<{ benchmark: number; pupils: number; met: number }> } }>(
      SCHOOL,
      { id: hub.schoolA.id, year: YEAR },
      token,
    );
    const f = res.schoolCoverage.figures.find((x) => x.benchmark === 5) as { pupils: number; met: number };
    return { pupils: f.pupils, met: f.met };
  };
  const tables = ['encounters', 'encounter_attendance', 'encounter_employers', 'ledger_pupil_years', 'audit_log'];
  const snapshot = async (): Promise<number[]> => Promise.all(tables.map((t) => count(api, hub, t)));

  /** Expects the call to fail with code and field, leak nothing, and write nothing anywhere in the ledger. */
  async function refused(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<string> {
    const before = await snapshot();
    const before5 = await bm5();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(leaks(res)).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(await bm5()).toEqual(before5);
    return res.errors?.[0]?.message ?? '';
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
    a = await seedPupils(api, hub, hub.schoolA.id, [
      { reference: 'A91', yearGroup: 9, disadvantaged: true },
      { reference: 'A92', yearGroup: 9, send: true },
      { reference: 'A93', yearGroup: 9 },
      { reference: 'A94', yearGroup: 9, onRollFrom: '2026-01-05' },
      { reference: 'A95', yearGroup: 9 },
    ]);
    b = await seedPupils(api, hub, hub.schoolB.id, [{ reference: 'B101', yearGroup: 10 }]);
    theirs = await seedPupils(api, other, other.schoolA.id, [{ reference: 'X1', yearGroup: 9 }]);
  });
  afterAll(() => api?.close());

  describe('logging', () => {
    it('lets school staff log a meaningful talk with its attendance; it counts for BM5 and says why not for BM6', async () => {
      const before = await bm5(hub.tokens.schoolStaff);
      const { logEncounter: e } = await api.ok<{ logEncounter: Record<string, unknown> }>(
        LOG,
        { input: talk({ pupilIds: [a['A91'], a['A92']] }) },
        hub.tokens.schoolStaff,
      );
      expect(e).toMatchObject({
        schoolId: hub.schoolA.id,
        bookingId: null,
        date: '2025-10-07',
        status: 'delivered',
        headcountOnly: false,
        headcount: null,
        yearGroups: [9],
        checklist: BM5_CHECKLIST,
        attendanceCount: 2,
        employers: [{ employerId: hub.employer.id, name: 'Aire Engineering Ltd', volunteers: 2 }],
      });
      expect(e['benchmarks']).toEqual([
        { benchmark: 5, counts: true, reasons: [] },
        {
          benchmark: 6,
          counts: false,
          reasons: [
            'Careers talk does not count for Benchmark 6',
            'in person at school does not count for Benchmark 6',
            'not meaningful for Benchmark 6: missing a range of people met from the workplace, a task set by the employer, feedback from the employer',
          ],
        },
      ]);
      expect(await bm5(hub.tokens.schoolStaff)).toEqual({ pupils: before.pupils, met: before.met + 2 });
      const [audit] = await sql<{ detail: { attendance: string[] } }>(
        api,
        hub,
        `select detail from audit_log where action = 'encounter.logged' and entity_id = $1`,
        [e['id']],
      );
      expect(audit.detail.attendance.sort()).toEqual([a['A91'], a['A92']].sort());
    });

    it('lets a coordinator log for a school of their cluster, not of another cluster', async () => {
      await api.ok(LOG, { input: talk({ date: '2025-11-03' }) }, hub.tokens.coordinator);
      await refused(
        LOG,
        { input: talk({ schoolId: hub.schoolB.id, yearGroups: [10] }) },
        hub.tokens.coordinator,
        'NOT_FOUND',
        'input.schoolId',
      );
    });

    it('refuses employers and platform admins (FORBIDDEN), and schools or hubs out of reach (NOT_FOUND)', async () => {
      await refused(LOG, { input: talk() }, hub.tokens.employerContact, 'FORBIDDEN');
      await refused(LOG, { input: talk() }, hub.tokens.platformAdmin, 'FORBIDDEN');
      await refused(
        LOG,
        { input: talk({ schoolId: hub.schoolB.id, yearGroups: [10] }) },
        hub.tokens.schoolStaff,
        'NOT_FOUND',
        'input.schoolId',
      );
      await refused(LOG, { input: talk({ schoolId: other.schoolA.id }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
    });

    it.each([
      ['a delivered encounter dated in the future', { date: '2099-01-05' }, 'INVALID_DATE', 'input.date'],
      ['attendance for a pupil of another school', { pupilIds: ['B101'] }, 'NOT_ON_ROLL', 'input.pupilIds[0]'],
      ['attendance for a pupil of another hub', { pupilIds: ['X1'] }, 'NOT_ON_ROLL', 'input.pupilIds[0]'],
      ['attendance for an unknown pupil', { pupilIds: [randomUUID()] }, 'NOT_ON_ROLL', 'input.pupilIds[0]'],
      ['attendance for a pupil not yet on roll that day', { pupilIds: ['A91', 'A94'] }, 'NOT_ON_ROLL', 'input.pupilIds[1]'],
      ['attendance on a planned encounter', { status: 'planned', pupilIds: ['A91'] }, 'CONFLICT', 'input.pupilIds'],
      ['a headcount larger than the year group', { headcountOnly: true, headcount: 6 }, 'INVALID_NUMBER', 'input.headcount'],
      ['a headcount on an encounter with an attendance list', { headcount: 3 }, 'INVALID_NUMBER', 'input.headcount'],
      ['a delivered headcount-only encounter without its headcount', { headcountOnly: true }, 'REQUIRED', 'input.headcount'],
      ['a year group the school does not teach', { schoolId: 'B', yearGroups: [12] }, 'INVALID_YEAR_GROUP', 'input.yearGroups[0]'],
      ['an unknown activity type', { activityType: 'juggling' }, 'INVALID_ENUM_VALUE', 'input.activityType'],
      ['an unknown employer', { employers: [{ employerId: randomUUID() }] }, 'NOT_FOUND', 'input.employers[0].employerId'],
      ['another hub’s employer', { employers: [{ employerId: 'OTHER' }] }, 'NOT_FOUND', 'input.employers[0].employerId'],
      ['an unknown checklist criterion', { checklist: ['reflection', 'vibes'] }, 'INVALID_ENUM_VALUE', 'input.checklist[1]'],
      ['a date that does not exist', { date: '2025-02-30' }, 'INVALID_DATE', 'input.date'],
    ])('refuses %s, writing nothing', async (_label, over, code, field) => {
      const input = talk(over);
      if (Array.isArray(input['pupilIds'])) input['pupilIds'] = (input['pupilIds'] as string[]).map((r) => a[r] ?? b[r] ?? theirs[r] ?? r);
      if (input['schoolId'] === 'B') input['schoolId'] = hub.schoolB.id;
      if (Array.isArray(input['employers']) && (input['employers'] as Array<{ employerId: string }>)[0].employerId === 'OTHER')
        input['employers'] = [{ employerId: other.employer.id }];
      const token = input['schoolId'] === hub.schoolB.id ? hub.tokens.hubAdmin : hub.tokens.schoolStaff;
      expect(await refused(LOG, { input }, token, code, field)).not.toBe('');
    });

    it('names the pupil, the school and the day in roll errors', async () => {
      const res = await api.gql(LOG, { input: talk({ pupilIds: [a['A94']] }) }, hub.tokens.schoolStaff);
      expect(res.errors?.[0]?.message).toBe(
        `input.pupilIds[0] (${a['A94']}) was not on the roll of Northfield Academy on 2025-10-07 (on roll 2026-01-05 to now)`,
      );
      const other = await api.gql(LOG, { input: talk({ pupilIds: [b['B101']] }) }, hub.tokens.schoolStaff);
      expect(other.errors?.[0]?.message).toBe(`input.pupilIds[0] (${b['B101']}) is not a pupil of Northfield Academy`);
    });

    it('keeps a headcount-only encounter as headcount, never as pupil coverage', async () => {
      const before = await bm5();
      const res = await api.ok<{ logEncounter: Record<string, unknown> }>(
        LOG,
        { input: talk({ headcountOnly: true, headcount: 5, date: '2026-02-02' }) },
        hub.tokens.schoolStaff,
      );
      expect(res.logEncounter).toMatchObject({ headcountOnly: true, headcount: 5, attendanceCount: 0 });
      expect((res.logEncounter['benchmarks'] as Array<{ counts: boolean }>).every((x) => !x.counts)).toBe(true);
      expect(await bm5()).toEqual(before);
      const cov = await api.ok<{ schoolCoverage: { headcountOnly: { encounters: number; headcount: number } } }>(
        SCHOOL,
        { id: hub.schoolA.id, year: YEAR },
        hub.tokens.hubAdmin,
      );
      expect(cov.schoolCoverage.headcountOnly).toEqual({ encounters: 1, headcount: 5 });
      await refused(
        ATTEND,
        { id: res.logEncounter['id'], input: { pupilIds: [a['A93']] } },
        hub.tokens.schoolStaff,
        'CONFLICT',
        'encounterId',
      );
    });
  });

  describe('attendance corrections', () => {
    let id: string;
    beforeAll(async () => {
      const res = await api.ok<{ logEncounter: { id: string } }>(
        LOG,
        { input: talk({ date: '2026-03-10', pupilIds: [a['A93']] }) },
        hub.tokens.schoolStaff,
      );
      id = res.logEncounter.id;
    });

    it('adds, removes and replaces, and coverage follows at once', async () => {
      const start = await bm5();
      const added = await api.ok<{ recordAttendance: Record<string, unknown> }>(
        ATTEND,
        { id, input: { pupilIds: [a['A94'], a['A95']], mode: 'add' } },
        hub.tokens.schoolStaff,
      );
      expect(added.recordAttendance).toMatchObject({
        added: 2,
        removed: 0,
        attendanceCount: 3,
        errors: [],
        encounter: { id, attendanceCount: 3 },
      });
      expect(await bm5()).toEqual({ pupils: start.pupils, met: start.met + 2 });
      const removed = await api.ok<{ recordAttendance: Record<string, unknown> }>(
        ATTEND,
        { id, input: { pupilIds: [a['A95']], mode: 'remove' } },
        hub.tokens.schoolStaff,
      );
      expect(removed.recordAttendance).toMatchObject({ added: 0, removed: 1, attendanceCount: 2 });
      const replaced = await api.ok<{ recordAttendance: Record<string, unknown> }>(
        ATTEND,
        { id, input: { pupilIds: [a['A95']] } },
        hub.tokens.schoolStaff,
      );
      expect(replaced.recordAttendance).toMatchObject({ added: 1, removed: 2, attendanceCount: 1 });
      expect(await bm5()).toEqual({ pupils: start.pupils, met: start.met });
      const audits = await sql<{ detail: { added: string[]; removed: string[] } }>(
        api,
        hub,
        `select detail from audit_log where action = 'encounter.attendance_recorded' and entity_id = $1 order by id`,
        [id],
      );
      expect(audits.map((x) => [x.detail.added.length, x.detail.removed.length])).toEqual([
        [2, 0],
        [0, 1],
        [1, 2],
      ]);
    });

    it('refuses a pupil of another school or an unknown mode, writing nothing', async () => {
      await refused(
        ATTEND,
        { id, input: { pupilIds: [a['A93'], b['B101']], mode: 'add' } },
        hub.tokens.schoolStaff,
        'NOT_ON_ROLL',
        'input.pupilIds[1]',
      );
      await refused(
        ATTEND,
        { id, input: { pupilIds: [a['A93']], mode: 'merge' } },
        hub.tokens.schoolStaff,
        'INVALID_ENUM_VALUE',
        'input.mode',
      );
      await refused(ATTEND, { id, input: { pupilIds: ['not-an-id'] } }, hub.tokens.schoolStaff, 'NOT_ON_ROLL', 'input.pupilIds[0]');
    });

    it('lets nobody else change it: another school’s staff and other hubs get NOT_FOUND, employers FORBIDDEN', async () => {
      await refused(ATTEND, { id, input: { pupilIds: [a['A91']] } }, hub.tokens.coordinatorB, 'NOT_FOUND', 'encounterId');
      await refused(ATTEND, { id, input: { pupilIds: [a['A91']] } }, other.tokens.hubAdmin, 'NOT_FOUND', 'encounterId');
      await refused(ATTEND, { id, input: { pupilIds: [a['A91']] } }, hub.tokens.employerContact, 'FORBIDDEN');
    });

    it('reads a CSV of references: all or nothing, with the bad lines numbered', async () => {
      const csv = 'Name,UPN\nAmy,A91\nBen,NOPE\nCy,A92\nDee,B101\nEd,A92\n';
      const res = await api.gql<{ recordAttendanceCsv: unknown }>(ATTEND_CSV, { id, input: { csv } }, hub.tokens.schoolStaff);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.csv' });
      expect(res.errors?.[0]?.extensions?.details?.map((d) => d.message)).toEqual([
        'line 3: reference "NOPE" is not a pupil of Northfield Academy',
        'line 5: reference "B101" is not a pupil of Northfield Academy',
        'line 6: reference "A92" already appears on line 4',
      ]);
      expect(leaks(res)).toBe(false);
      expect((await sql(api, hub, `select 1 from encounter_attendance where encounter_id = $1`, [id])).length).toBe(1);
    });

    it('writes the valid lines when asked, reporting the others', async () => {
      const csv = 'UPN\nA91\nNOPE\nA92\n';
      const res = await api.ok<{ recordAttendanceCsv: Record<string, unknown> }>(
        ATTEND_CSV,
        { id, input: { csv, onError: 'valid_rows_only' } },
        hub.tokens.schoolStaff,
      );
      expect(res.recordAttendanceCsv).toMatchObject({
        added: 2,
        removed: 1,
        attendanceCount: 2,
        errors: [{ line: 3, field: 'reference', code: 'NOT_ON_ROLL' }],
      });
      const attendees = await api.ok<{ encounter: { attendees: Array<{ reference: string; yearGroup: number }> } }>(
        GET,
        { id },
        hub.tokens.schoolStaff,
      );
      expect(attendees.encounter.attendees.map((x) => [x.reference, x.yearGroup])).toEqual([
        ['A91', 9],
        ['A92', 9],
      ]);
      const reads = await sql(api, hub, `select entity_id from audit_log where action = 'pupil.listed' and detail->>'encounterId' = $1`, [
        id,
      ]);
      expect(reads.length).toBe(2);
    });

    it('refuses a file that is not a list of pupils', async () => {
      await refused(ATTEND_CSV, { id, input: { csv: 'Name\nAmy' } }, hub.tokens.schoolStaff, 'INVALID_CSV', 'input.csv');
      await refused(
        ATTEND_CSV,
        { id, input: { csv: 'UPN\nA91', onError: 'sometimes' } },
        hub.tokens.schoolStaff,
        'INVALID_ENUM_VALUE',
        'input.onError',
      );
      await refused(ATTEND_CSV, { id, input: { csv: '  ' } }, hub.tokens.schoolStaff, 'REQUIRED', 'input.csv');
    });
  });

  describe('the checklist and corrections to the encounter', () => {
    let id: string;
    beforeAll(async () => {
      const res = await api.ok<{ logEncounter: { id: string } }>(
        LOG,
        { input: talk({ date: '2026-04-21', pupilIds: [a['A95']] }) },
        hub.tokens.schoolStaff,
      );
      id = res.logEncounter.id;
    });

    it('stops counting when a criterion is unticked, and counts again when it is back', async () => {
      const met = (await bm5()).met;
      const less = await api.ok<{
        setEncounterChecklist: { checklist: string[]; benchmarks: Array<{ counts: boolean; reasons: string[] }> };
      }>(CHECKLIST, { id, criteria: ['purpose_shared', 'learning_outcomes', 'two_way_interaction'] }, hub.tokens.schoolStaff);
      expect(less.setEncounterChecklist.benchmarks[0]).toEqual({
        benchmark: 5,
        counts: false,
        reasons: ['not meaningful for Benchmark 5: missing time to reflect afterwards'],
      });
      expect((await bm5()).met).toBe(met - 1);
      await api.ok(CHECKLIST, { id, criteria: BM6_CHECKLIST }, hub.tokens.schoolStaff);
      expect((await bm5()).met).toBe(met);
      const audits = await sql(api, hub, `select 1 from audit_log where action = 'encounter.checklist_set' and entity_id = $1`, [id]);
      expect(audits.length).toBe(2);
      await refused(CHECKLIST, { id, criteria: ['reflection', 'good vibes'] }, hub.tokens.schoolStaff, 'INVALID_ENUM_VALUE', 'criteria[1]');
    });

    it('stops counting a cancelled encounter, and refuses delivering one dated in the future', async () => {
      const met = (await bm5()).met;
      const cancelled = await api.ok<{ updateEncounter: { status: string } }>(
        UPDATE,
        { id, input: { status: 'cancelled' } },
        hub.tokens.schoolStaff,
      );
      expect(cancelled.updateEncounter.status).toBe('cancelled');
      expect((await bm5()).met).toBe(met - 1);
      await api.ok(UPDATE, { id, input: { status: 'delivered' } }, hub.tokens.schoolStaff);
      expect((await bm5()).met).toBe(met);
      await refused(UPDATE, { id, input: { date: '2099-03-01' } }, hub.tokens.schoolStaff, 'INVALID_DATE', 'input.date');
      const planned = await api.ok<{ updateEncounter: { status: string; date: string } }>(
        UPDATE,
        { id, input: { date: '2099-03-01', status: 'planned' } },
        hub.tokens.schoolStaff,
      );
      expect(planned.updateEncounter).toMatchObject({ status: 'planned', date: '2099-03-01' });
      expect((await bm5()).met).toBe(met - 1);
      await refused(UPDATE, { id, input: { headcountOnly: true } }, hub.tokens.schoolStaff, 'CONFLICT', 'input.headcountOnly');
      const fields = await sql<{ detail: { fields: string[] } }>(
        api,
        hub,
        `select detail from audit_log where action = 'encounter.updated' and entity_id = $1 order by id`,
        [id],
      );
      expect(fields.map((f) => f.detail.fields)).toEqual([['status'], ['status'], ['occurredOn', 'status']]);
    });
  });

  describe('reads and scope', () => {
    it('lists encounters in scope, filtered and paged', async () => {
      const mine = await api.ok<{ encounters: { totalCount: number } }>(LIST, { filter: { academicYear: YEAR } }, hub.tokens.schoolStaff);
      const all = await api.ok<{ encounters: { totalCount: number } }>(LIST, { filter: { academicYear: YEAR } }, hub.tokens.hubAdmin);
      expect(mine.encounters.totalCount).toBeGreaterThan(0);
      expect(all.encounters.totalCount).toBe(mine.encounters.totalCount);
      const otherCluster = await api.ok<{ encounters: { totalCount: number } }>(LIST, {}, hub.tokens.coordinatorB);
      expect(otherCluster.encounters.totalCount).toBe(0);
      const page = await api.ok<{ encounters: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
        LIST,
        { first: 1 },
        hub.tokens.hubAdmin,
      );
      expect(page.encounters.nodes).toHaveLength(1);
      expect(page.encounters.pageInfo.hasNextPage).toBe(true);
      const bad = await api.gql(LIST, { filter: { status: 'maybe' } }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ENUM_VALUE', field: 'filter.status' });
      const employer = await api.gql(LIST, {}, hub.tokens.employerContact);
      expect(employer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for encounters out of reach, and never shows attendees to those who may not see pupils', async () => {
      const { encounters } = await api.ok<{ encounters: { nodes: Array<{ id: string }> } }>(LIST, { first: 1 }, hub.tokens.hubAdmin);
      const id = encounters.nodes[0].id;
      for (const token of [hub.tokens.coordinatorB, other.tokens.hubAdmin]) {
        const res = await api.gql(GET, { id }, token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      }
      expect((await api.gql(GET, { id }, hub.tokens.employerContact)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('policies', () => {
    it('refuses an unknown policy, writing nothing', async () => {
      const before = await count(api, hub, 'ledger_settings');
      const res = await api.gql(CHOOSE, { input: { policyKey: 'gatsby-1999' } }, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.policyKey' });
      expect(res.errors?.[0]?.message).toMatch(/No benchmark policy "gatsby-1999"/);
      const version = await api.gql(CHOOSE, { input: { policyKey: 'gatsby-2014', version: 9 } }, hub.tokens.hubAdmin);
      expect(version.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.policyKey' });
      expect(await count(api, hub, 'ledger_settings')).toBe(before);
      expect((await api.gql(CHOOSE, { input: { policyKey: 'gatsby-2014' } }, hub.tokens.coordinator)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
    });

    it('lets a platform admin add a policy as JSON, checked by the schema', async () => {
      const ADD = `mutation($d: String!) { addBenchmarkPolicy(definition: $d) { key version name benchmarks { benchmark windows { fromYearGroup toYearGroup minimum } } } }`;
      const { benchmarkPolicies } = await api.ok<{ benchmarkPolicies: Array<{ key: string; definition?: unknown }> }>(
        `{ benchmarkPolicies { key version } }`,
        {},
        hub.tokens.hubAdmin,
      );
      expect(benchmarkPolicies.map((p) => p.key).sort()).toEqual(['gatsby-2014', 'gatsby-2024']);
      const definition = {
        key: 'stretch-2026',
        version: 1,
        name: 'Stretch target',
        benchmarks: [
          {
            benchmark: 5,
            activityTypes: ['careers_talk'],
            formats: ['virtual'],
            requiredCriteria: [],
            windows: [{ fromYearGroup: 7, toYearGroup: 13, minimum: 3 }],
          },
          {
            benchmark: 6,
            activityTypes: ['work_experience'],
            formats: ['in_person_workplace'],
            requiredCriteria: ['employer_task'],
            windows: [{ fromYearGroup: 10, toYearGroup: 11, minimum: 1 }],
          },
        ],
      };
      const added = await api.ok<{ addBenchmarkPolicy: { key: string } }>(ADD, { d: JSON.stringify(definition) }, hub.tokens.platformAdmin);
      expect(added.addBenchmarkPolicy).toMatchObject({ key: 'stretch-2026', version: 1 });
      const again = await api.gql(ADD, { d: JSON.stringify(definition) }, hub.tokens.platformAdmin);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'definition.version' });
      const bad = await api.gql(
        ADD,
        { d: JSON.stringify({ ...definition, version: 2, benchmarks: [definition.benchmarks[0]] }) },
        hub.tokens.platformAdmin,
      );
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_NUMBER', field: 'definition.benchmarks' });
      const notJson = await api.gql(ADD, { d: '{key:' }, hub.tokens.platformAdmin);
      expect(notJson.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TEXT', field: 'definition' });
      expect(
        (await api.gql(ADD, { d: JSON.stringify({ ...definition, version: 3 }) }, hub.tokens.hubAdmin)).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
    });
  });
});

import { parseCsv } from '@tandem/domain';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type TestApi } from '../src/testing/test-api';
import { BM5_CHECKLIST, BM6_CHECKLIST, leaks, seedPupils, sql, YEAR } from './testing/ledger-seed';

/**
 * Benchmark coverage through the API: hub, cluster, school and pupil; gap lists in priority order;
 * the policy switch; snapshots that stay put when attendance is corrected; CSV exports; employer
 * impact; and who may see what.
 */

const FIGURES = `benchmark pupils met gap percentage priorityPupils priorityMet disadvantagedPupils disadvantagedMet`;
const COVERAGE = `level id name academicYear academicYearLabel policy { key version }
  figures { ${FIGURES} } byYearGroup { yearGroup figures { benchmark pupils met } } groups { id name urn figures { benchmark pupils met } } headcountOnly { encounters headcount }`;
const HUB = `query($year: Int) { hubCoverage(academicYear: $year) { ${COVERAGE} } }`;
const CLUSTER = `query($id: ID!, $year: Int) { clusterCoverage(clusterId: $id, academicYear: $year) { ${COVERAGE} } }`;
const SCHOOL = `query($id: ID!, $year: Int) { schoolCoverage(schoolId: $id, academicYear: $year) { ${COVERAGE} } }`;
const PUPIL = `query($id: ID!, $year: Int, $asOf: String) { pupilCoverage(pupilId: $id, academicYear: $year, asOf: $asOf) {
  pupilId reference schoolId academicYear asOf yearGroup priorityGroups
  statuses { benchmark state yearGroup windowLabel windowEndsOn counted minimum metOn reasons }
  encounters { encounterId date activityType verdicts { benchmark counts reasons } } } }`;
const GAPS = `query($b: Int!, $year: Int, $filter: CoverageGapFilter, $first: Int, $after: String) {
  coverageGaps(benchmark: $b, academicYear: $year, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { pupilId reference schoolId yearGroup priorityGroups counted minimum } } }`;
const LOG = `mutation($input: LogEncounterInput!) { logEncounter(input: $input) { id } }`;
const ATTEND = `mutation($id: ID!, $input: AttendanceInput!) { recordAttendance(encounterId: $id, input: $input) { attendanceCount } }`;
const CHOOSE = `mutation($key: String!) { chooseBenchmarkPolicy(input: { policyKey: $key }) { key } }`;
const SNAP_FIELDS = `id schoolId academicYear asOf kind takenAt policy { key } figures { benchmark pupils met } byYearGroup { yearGroup figures { benchmark pupils met } } schools { id name figures { benchmark pupils met } }`;
const TAKE = `mutation($input: TakeCoverageSnapshotInput!) { takeCoverageSnapshot(input: $input) { ${SNAP_FIELDS} } }`;
const SNAPSHOT = `query($id: ID!) { coverageSnapshot(id: $id) { ${SNAP_FIELDS} } }`;
const SNAPSHOTS = `query($filter: CoverageSnapshotFilter) { coverageSnapshots(filter: $filter) { totalCount nodes { id schoolId kind } } }`;
const CSV = `query($input: CoverageCsvInput!) { coverageCsv(input: $input) { filename contentType rows content } }`;
const IMPACT = `query($id: ID!, $year: Int) { employerImpact(employerId: $id, academicYear: $year) {
  employerId academicYear encountersDelivered pupilsReached disadvantagedReached shareDisadvantaged headcountReached volunteerHours } }`;

type Figure = { benchmark: number; pupils: number; met: number };
const pick = (figures: Figure[], benchmark: number): { pupils: number; met: number } => {
  const f = figures.find((x) => x.benchmark === benchmark) as Figure;
  return { pupils: f.pupils, met: f.met };
};

describe('benchmark ledger: coverage', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;
  let p: Record<string, string>;
  const enc: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
    p = {
      ...(await seedPupils(api, hub, hub.schoolA.id, [
        { reference: 'A07a', yearGroup: 7, disadvantaged: true },
        { reference: 'A07b', yearGroup: 7 },
        { reference: 'A09a', yearGroup: 9, disadvantaged: true, send: true },
        { reference: 'A09b', yearGroup: 9, send: true },
        { reference: 'A09c', yearGroup: 9, careExperienced: true },
        { reference: 'A09d', yearGroup: 9, roniScore: 70 },
        { reference: 'A09e', yearGroup: 9 },
        { reference: 'A09j', yearGroup: 9, onRollFrom: '2026-02-01' },
        { reference: 'A11a', yearGroup: 11 },
        { reference: 'A13a', yearGroup: 13, onRollTo: '2026-06-26' },
      ])),
      ...(await seedPupils(api, hub, hub.schoolB.id, [
        { reference: 'B10a', yearGroup: 10, disadvantaged: true },
        { reference: 'B10b', yearGroup: 10 },
      ])),
    };
    const log = async (key: string, input: Record<string, unknown>): Promise<void> => {
      enc[key] = (
        await api.ok<{ logEncounter: { id: string } }>(
          LOG,
          { input: { employers: [{ employerId: hub.employer.id }], ...input } },
          hub.tokens.hubAdmin,
        )
      ).logEncounter.id;
    };
    await log('talk', {
      schoolId: hub.schoolA.id,
      date: '2025-10-01',
      activityType: 'careers_talk',
      format: 'in_person_school',
      yearGroups: [7, 9, 13],
      checklist: BM5_CHECKLIST,
      durationMinutes: 60,
      employers: [{ employerId: hub.employer.id, volunteers: 2 }],
      pupilIds: [p['A07a'], p['A09a'], p['A13a']],
    });
    await log('visit', {
      schoolId: hub.schoolA.id,
      date: '2026-02-10',
      activityType: 'workplace_visit',
      format: 'in_person_workplace',
      yearGroups: [9, 11, 13],
      checklist: BM6_CHECKLIST,
      durationMinutes: 180,
      pupilIds: [p['A11a'], p['A13a'], p['A09e']],
    });
    await log('tour', {
      schoolId: hub.schoolA.id,
      date: '2025-11-15',
      activityType: 'virtual_workplace_tour',
      format: 'virtual',
      yearGroups: [9],
      checklist: BM6_CHECKLIST,
      pupilIds: [p['A09b']],
      employers: [],
    });
    await log('talkB', {
      schoolId: hub.schoolB.id,
      date: '2025-12-01',
      activityType: 'careers_talk',
      format: 'virtual',
      yearGroups: [10],
      checklist: BM5_CHECKLIST,
      durationMinutes: 45,
      pupilIds: [p['B10a']],
    });
    await log('headcount', {
      schoolId: hub.schoolB.id,
      date: '2026-03-03',
      activityType: 'employer_panel',
      format: 'in_person_school',
      yearGroups: [10],
      headcountOnly: true,
      headcount: 2,
    });
  });
  afterAll(() => api?.close());

  describe('figures', () => {
    it('gives the hub its numerators, denominators, percentages and clusters (2024 refresh by default)', async () => {
      const { hubCoverage: h } = await api.ok<{
        hubCoverage: Record<string, unknown> & {
          figures: Figure[];
          byYearGroup: Array<{ yearGroup: number; figures: Figure[] }>;
          groups: Array<{ name: string; figures: Figure[] }>;
        };
      }>(HUB, { year: YEAR }, hub.tokens.hubAdmin);
      expect(h).toMatchObject({
        level: 'hub',
        id: null,
        academicYear: 2025,
        academicYearLabel: '2025/26',
        policy: { key: 'gatsby-2024', version: 1 },
        headcountOnly: { encounters: 1, headcount: 2 },
      });
      expect(h.figures).toEqual([
        {
          benchmark: 5,
          pupils: 12,
          met: 4,
          gap: 8,
          percentage: 33.3,
          priorityPupils: 6,
          priorityMet: 3,
          disadvantagedPupils: 3,
          disadvantagedMet: 3,
        },
        {
          benchmark: 6,
          pupils: 12,
          met: 4,
          gap: 8,
          percentage: 33.3,
          priorityPupils: 6,
          priorityMet: 1,
          disadvantagedPupils: 3,
          disadvantagedMet: 0,
        },
      ]);
      expect(h.byYearGroup.map((y) => [y.yearGroup, pick(y.figures, 5), pick(y.figures, 6)])).toEqual([
        [7, { pupils: 2, met: 1 }, { pupils: 2, met: 0 }],
        [9, { pupils: 6, met: 1 }, { pupils: 6, met: 2 }],
        [10, { pupils: 2, met: 1 }, { pupils: 2, met: 0 }],
        [11, { pupils: 1, met: 0 }, { pupils: 1, met: 1 }],
        [13, { pupils: 1, met: 1 }, { pupils: 1, met: 1 }],
      ]);
      expect(h.groups.map((g) => [g.name, pick(g.figures, 5)])).toEqual([
        ['North cluster', { pupils: 10, met: 3 }],
        ['South cluster', { pupils: 2, met: 1 }],
      ]);
    });

    it('gives a cluster its schools and a school its year groups', async () => {
      const c = await api.ok<{
        clusterCoverage: { level: string; name: string; groups: Array<{ id: string; urn: string; figures: Figure[] }> };
      }>(CLUSTER, { id: hub.clusterA.id, year: YEAR }, hub.tokens.coordinator);
      expect(c.clusterCoverage).toMatchObject({ level: 'cluster', name: 'North cluster' });
      expect(c.clusterCoverage.groups.map((g) => [g.id, g.urn, pick(g.figures, 6)])).toEqual([
        [hub.schoolA.id, hub.schoolA.urn, { pupils: 10, met: 4 }],
      ]);
      const s = await api.ok<{ schoolCoverage: { level: string; groups: unknown[]; figures: Figure[]; headcountOnly: unknown } }>(
        SCHOOL,
        { id: hub.schoolB.id, year: YEAR },
        hub.tokens.coordinatorB,
      );
      expect(s.schoolCoverage).toMatchObject({ level: 'school', groups: [], headcountOnly: { encounters: 1, headcount: 2 } });
      expect(pick(s.schoolCoverage.figures, 5)).toEqual({ pupils: 2, met: 1 });
    });

    it('lets each role see its own part only', async () => {
      const code = async (
        query: string,
        variables: Record<string, unknown>,
        token: string,
      ): Promise<[string | undefined, string | undefined]> => {
        const res = await api.gql(query, variables, token);
        expect(leaks(res)).toBe(false);
        return [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field];
      };
      for (const token of [hub.tokens.coordinator, hub.tokens.schoolStaff, hub.tokens.employerContact, hub.tokens.platformAdmin])
        expect((await code(HUB, { year: YEAR }, token))[0]).toBe('FORBIDDEN');
      expect(await code(CLUSTER, { id: hub.clusterB.id }, hub.tokens.coordinator)).toEqual(['NOT_FOUND', 'clusterId']);
      expect(await code(CLUSTER, { id: hub.clusterA.id }, hub.tokens.schoolStaff)).toEqual(['NOT_FOUND', 'clusterId']);
      expect(await code(CLUSTER, { id: other.clusterA.id }, hub.tokens.hubAdmin)).toEqual(['NOT_FOUND', 'clusterId']);
      expect(await code(SCHOOL, { id: hub.schoolB.id }, hub.tokens.schoolStaff)).toEqual(['NOT_FOUND', 'schoolId']);
      expect(await code(SCHOOL, { id: hub.schoolB.id }, hub.tokens.coordinator)).toEqual(['NOT_FOUND', 'schoolId']);
      expect(await code(SCHOOL, { id: other.schoolA.id }, hub.tokens.hubAdmin)).toEqual(['NOT_FOUND', 'schoolId']);
      expect((await code(SCHOOL, { id: hub.schoolA.id }, hub.tokens.employerContact))[0]).toBe('FORBIDDEN');
      expect(await code(SCHOOL, { id: hub.schoolA.id, year: 1999 }, hub.tokens.hubAdmin)).toEqual(['INVALID_NUMBER', 'academicYear']);
      const mine = await api.ok<{ schoolCoverage: { figures: Figure[] } }>(
        SCHOOL,
        { id: hub.schoolA.id, year: YEAR },
        hub.tokens.schoolStaff,
      );
      expect(pick(mine.schoolCoverage.figures, 5)).toEqual({ pupils: 10, met: 3 });
    });
  });

  describe('gap lists', () => {
    const refs = (nodes: Array<{ reference: string }>): string[] => nodes.map((n) => n.reference);

    it('lists who is missing out, priority groups first, then older pupils, paged without gaps or repeats', async () => {
      const seen: Array<{ reference: string; priorityGroups: string[] }> = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          coverageGaps: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            nodes: Array<{ reference: string; priorityGroups: string[] }>;
          };
        } = await api.ok(GAPS, { b: 5, year: YEAR, first: 3, after }, hub.tokens.hubAdmin);
        expect(page.coverageGaps.totalCount).toBe(8);
        seen.push(...page.coverageGaps.nodes);
        if (!page.coverageGaps.pageInfo.hasNextPage) break;
        after = page.coverageGaps.pageInfo.endCursor;
      }
      expect(refs(seen)).toEqual(['A09b', 'A09c', 'A09d', 'A11a', 'B10b', 'A09e', 'A09j', 'A07b']);
      expect(seen.slice(0, 3).map((n) => n.priorityGroups)).toEqual([['send'], ['care_experienced'], ['at_risk']]);
      const audited = await sql(
        api,
        hub,
        `select entity_id from audit_log where action = 'pupil.listed' and detail->>'purpose' = 'coverage_gaps'`,
      );
      expect(audited.length).toBe(8);
    });

    it('narrows to a school, a cluster and a year group, and to what the caller may see', async () => {
      const school = await api.ok<{ coverageGaps: { totalCount: number; nodes: Array<{ reference: string }> } }>(
        GAPS,
        { b: 6, year: YEAR, filter: { schoolId: hub.schoolA.id, yearGroup: 9 } },
        hub.tokens.schoolStaff,
      );
      expect(refs(school.coverageGaps.nodes)).toEqual(['A09a', 'A09c', 'A09d', 'A09j']);
      expect(school.coverageGaps.totalCount).toBe(4);
      const staff = await api.ok<{ coverageGaps: { totalCount: number } }>(GAPS, { b: 5, year: YEAR }, hub.tokens.schoolStaff);
      expect(staff.coverageGaps.totalCount).toBe(7);
      const coordinatorB = await api.ok<{ coverageGaps: { nodes: Array<{ reference: string }> } }>(
        GAPS,
        { b: 5, year: YEAR },
        hub.tokens.coordinatorB,
      );
      expect(refs(coordinatorB.coverageGaps.nodes)).toEqual(['B10b']);
      const cluster = await api.ok<{ coverageGaps: { totalCount: number } }>(
        GAPS,
        { b: 5, year: YEAR, filter: { clusterId: hub.clusterB.id } },
        hub.tokens.hubAdmin,
      );
      expect(cluster.coverageGaps.totalCount).toBe(1);
    });

    it.each([
      ['a benchmark that is not 5 or 6', { b: 7 }, 'hubAdmin', 'INVALID_NUMBER', 'benchmark'],
      ['a cursor we did not make', { b: 5, after: 'bm9wZQ' }, 'hubAdmin', 'INVALID_CURSOR', 'after'],
      ['a year group outside 7–13', { b: 5, filter: { yearGroup: 14 } }, 'hubAdmin', 'INVALID_YEAR_GROUP', 'filter.yearGroup'],
      ['another cluster’s school', { b: 5, filter: { schoolId: 'B' } }, 'coordinator', 'NOT_FOUND', 'filter.schoolId'],
      ['an employer', { b: 5 }, 'employerContact', 'FORBIDDEN', undefined],
      ['a platform admin', { b: 5 }, 'platformAdmin', 'FORBIDDEN', undefined],
    ] as const)('refuses %s', async (_label, variables, role, code, field) => {
      const vars: Record<string, unknown> = { year: YEAR, ...variables };
      if ((vars['filter'] as { schoolId?: string } | undefined)?.schoolId === 'B') vars['filter'] = { schoolId: hub.schoolB.id };
      const before = (await sql(api, hub, `select 1 from audit_log`)).length;
      const res = await api.gql(GAPS, vars, hub.tokens[role]);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(res.data).toBeNull();
      expect(leaks(res)).toBe(false);
      expect((await sql(api, hub, `select 1 from audit_log`)).length).toBe(before);
    });
  });

  describe('one pupil', () => {
    it('shows each benchmark with its window and reasons, and every encounter’s verdict (audited)', async () => {
      const { pupilCoverage: c } = await api.ok<{
        pupilCoverage: Record<string, unknown> & { statuses: Array<Record<string, unknown>>; encounters: Array<Record<string, unknown>> };
      }>(PUPIL, { id: p['A13a'], year: YEAR }, hub.tokens.schoolStaff);
      expect(c).toMatchObject({
        reference: 'A13a',
        schoolId: hub.schoolA.id,
        academicYear: 2025,
        asOf: '2026-08-31',
        yearGroup: 13,
        priorityGroups: [],
      });
      expect(c.statuses).toEqual([
        {
          benchmark: 5,
          state: 'met',
          yearGroup: 13,
          windowLabel: 'Year 13',
          windowEndsOn: '2026-08-31',
          counted: 1,
          minimum: 1,
          metOn: '2025-10-01',
          reasons: ['met on 2025-10-01: 1 counted encounter of 1 needed in Year 13'],
        },
        {
          benchmark: 6,
          state: 'met',
          yearGroup: 13,
          windowLabel: 'One more by the end of Year 13',
          windowEndsOn: '2026-08-31',
          counted: 1,
          minimum: 1,
          metOn: '2026-02-10',
          reasons: ['met on 2026-02-10: 1 counted encounter of 1 needed in One more by the end of Year 13'],
        },
      ]);
      expect(
        c.encounters.map((e) => [e['date'], (e['verdicts'] as Array<{ benchmark: number; counts: boolean }>).map((v) => v.counts)]),
      ).toEqual([
        ['2025-10-01', [true, false]],
        ['2026-02-10', [false, true]],
      ]);
      const [audit] = await sql<{ detail: { purpose: string } }>(
        api,
        hub,
        `select detail from audit_log where action = 'pupil.viewed' and entity_id = $1`,
        [p['A13a']],
      );
      expect(audit.detail.purpose).toBe('benchmark_coverage');
    });

    it('reads as of a day: a joiner is not yet counted before they join', async () => {
      const before = await api.ok<{ pupilCoverage: { statuses: Array<{ state: string; reasons: string[] }> } }>(
        PUPIL,
        { id: p['A09j'], asOf: '2026-01-15' },
        hub.tokens.hubAdmin,
      );
      expect(before.pupilCoverage.statuses[0]).toMatchObject({
        state: 'not_applicable',
        reasons: ['not yet on roll by 2026-01-15 (on roll from 2026-02-01)'],
      });
      const after = await api.ok<{ pupilCoverage: { academicYear: number; statuses: Array<{ state: string }> } }>(
        PUPIL,
        { id: p['A09j'], asOf: '2026-03-01' },
        hub.tokens.hubAdmin,
      );
      expect(after.pupilCoverage.academicYear).toBe(2025);
      expect(after.pupilCoverage.statuses.map((s) => s.state)).toEqual(['not_yet', 'not_yet']);
    });

    it('is out of reach for other schools, employers and other hubs', async () => {
      for (const [token, code] of [
        [hub.tokens.coordinatorB, 'NOT_FOUND'],
        [other.tokens.hubAdmin, 'NOT_FOUND'],
        [hub.tokens.employerContact, 'FORBIDDEN'],
        [hub.tokens.platformAdmin, 'FORBIDDEN'],
      ] as const) {
        const res = await api.gql(PUPIL, { id: p['A13a'] }, token);
        expect(res.errors?.[0]?.extensions?.code).toBe(code);
        expect(JSON.stringify(res)).not.toContain('A13a');
      }
      const bad = await api.gql(PUPIL, { id: p['A13a'], asOf: '31/07/2026' }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DATE', field: 'asOf' });
    });
  });

  describe('policy', () => {
    it('recounts the hub at once when it switches policy (2014 does not count a virtual tour for BM6)', async () => {
      await api.ok(CHOOSE, { key: 'gatsby-2014' }, hub.tokens.hubAdmin);
      const h14 = await api.ok<{ hubCoverage: { policy: { key: string }; figures: Figure[] } }>(HUB, { year: YEAR }, hub.tokens.hubAdmin);
      expect(h14.hubCoverage.policy.key).toBe('gatsby-2014');
      expect(pick(h14.hubCoverage.figures, 6)).toEqual({ pupils: 12, met: 3 });
      const tour = await api.ok<{
        pupilCoverage: { statuses: Array<{ state: string }>; encounters: Array<{ verdicts: Array<{ reasons: string[] }> }> };
      }>(PUPIL, { id: p['A09b'], year: YEAR }, hub.tokens.hubAdmin);
      expect(tour.pupilCoverage.statuses[1].state).toBe('not_yet');
      expect(tour.pupilCoverage.encounters[0].verdicts[1].reasons).toEqual(['virtual does not count for Benchmark 6']);
      await api.ok(CHOOSE, { key: 'gatsby-2024' }, hub.tokens.hubAdmin);
      const h24 = await api.ok<{ hubCoverage: { figures: Figure[] } }>(HUB, { year: YEAR }, hub.tokens.hubAdmin);
      expect(pick(h24.hubCoverage.figures, 6)).toEqual({ pupils: 12, met: 4 });
      const audits = await sql(api, hub, `select 1 from audit_log where action = 'ledger.policy_chosen'`);
      expect(audits.length).toBe(2);
    });
  });

  describe('employer impact', () => {
    it('counts encounters, pupils reached, the disadvantaged share and volunteer hours; never pupils', async () => {
      const mine = await api.ok<{ employerImpact: Record<string, unknown> }>(
        IMPACT,
        { id: hub.employer.id, year: YEAR },
        hub.tokens.employerContact,
      );
      expect(mine.employerImpact).toEqual({
        employerId: hub.employer.id,
        academicYear: 2025,
        encountersDelivered: 4,
        pupilsReached: 6,
        disadvantagedReached: 3,
        shareDisadvantaged: 0.5,
        headcountReached: 2,
        volunteerHours: 5.75,
      });
      const allYears = await api.ok<{ employerImpact: { academicYear: number | null; encountersDelivered: number } }>(
        IMPACT,
        { id: hub.employer.id },
        hub.tokens.coordinator,
      );
      expect(allYears.employerImpact).toMatchObject({ academicYear: null, encountersDelivered: 4 });
      expect((await api.gql(IMPACT, { id: other.employer.id }, hub.tokens.employerContact)).errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'employerId',
      });
      expect((await api.gql(IMPACT, { id: other.employer.id }, hub.tokens.hubAdmin)).errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'employerId',
      });
      expect((await api.gql(IMPACT, { id: hub.employer.id }, hub.tokens.schoolStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('CSV exports', () => {
    it('exports a school pupil by pupil (audited), and the hub school by school', async () => {
      const school = await api.ok<{ coverageCsv: { filename: string; rows: number; content: string } }>(
        CSV,
        { input: { schoolId: hub.schoolA.id, academicYear: YEAR } },
        hub.tokens.schoolStaff,
      );
      expect(school.coverageCsv.filename).toBe(`coverage-${hub.schoolA.urn}-2025-26.csv`);
      expect(school.coverageCsv.rows).toBe(10);
      const lines = parseCsv(school.coverageCsv.content).map((r) => r.fields);
      expect(lines[0]).toEqual(['Reference', 'Year group', 'Priority groups', 'BM5', 'BM5 encounters', 'BM6', 'BM6 encounters in window']);
      expect(lines.find((l) => l[0] === 'A09a')).toEqual(['A09a', '9', 'disadvantaged send', 'met', '1', 'not met', '0']);
      const audited = await sql(api, hub, `select 1 from audit_log where action = 'pupil.listed' and detail->>'purpose' = 'coverage_csv'`);
      expect(audited.length).toBe(10);

      const all = await api.ok<{ coverageCsv: { content: string } }>(CSV, { input: { academicYear: YEAR } }, hub.tokens.hubAdmin);
      const rows = parseCsv(all.coverageCsv.content)
        .slice(1)
        .map((r) => r.fields);
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Northfield Academy', 'Southgate School']));
      expect(rows.find((r) => r[1] === 'Southgate School' && r[3] === '10' && r[4] === '5')?.slice(5, 8)).toEqual(['2', '1', '50.0']);
      const cluster = await api.ok<{ coverageCsv: { content: string } }>(CSV, { input: { academicYear: YEAR } }, hub.tokens.coordinatorB);
      expect(
        new Set(
          parseCsv(cluster.coverageCsv.content)
            .slice(1)
            .map((r) => r.fields[1]),
        ),
      ).toEqual(new Set(['Southgate School']));
      expect((await api.gql(CSV, { input: { schoolId: hub.schoolB.id } }, hub.tokens.schoolStaff)).errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.schoolId',
      });
      expect((await api.gql(CSV, { input: {} }, hub.tokens.employerContact)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('snapshots', () => {
    it('freeze a report that stays the same after attendance is corrected', async () => {
      const taken = await api.ok<{ takeCoverageSnapshot: Record<string, unknown> & { id: string; figures: Figure[] } }>(
        TAKE,
        { input: { schoolId: hub.schoolA.id, asOf: '2025-12-31' } },
        hub.tokens.schoolStaff,
      );
      expect(taken.takeCoverageSnapshot).toMatchObject({
        schoolId: hub.schoolA.id,
        academicYear: 2025,
        asOf: '2025-12-31',
        kind: 'on_demand',
        policy: { key: 'gatsby-2024' },
      });
      // By 31 December the February joiner was not on roll and the February visit had not happened.
      expect([pick(taken.takeCoverageSnapshot.figures, 5), pick(taken.takeCoverageSnapshot.figures, 6)]).toEqual([
        { pupils: 9, met: 3 },
        { pupils: 9, met: 1 },
      ]);
      const csvBefore = await api.ok<{ coverageCsv: { content: string } }>(
        CSV,
        { input: { schoolId: hub.schoolA.id, snapshotId: taken.takeCoverageSnapshot.id } },
        hub.tokens.schoolStaff,
      );

      // The school finds A07a was absent from the October talk.
      await api.ok(ATTEND, { id: enc['talk'], input: { pupilIds: [p['A07a']], mode: 'remove' } }, hub.tokens.schoolStaff);
      const live = await api.ok<{ schoolCoverage: { figures: Figure[] } }>(
        SCHOOL,
        { id: hub.schoolA.id, year: YEAR },
        hub.tokens.schoolStaff,
      );
      expect(pick(live.schoolCoverage.figures, 5)).toEqual({ pupils: 10, met: 2 });

      const again = await api.ok<{ coverageSnapshot: { figures: Figure[] } }>(
        SNAPSHOT,
        { id: taken.takeCoverageSnapshot.id },
        hub.tokens.schoolStaff,
      );
      expect(pick(again.coverageSnapshot.figures, 5)).toEqual({ pupils: 9, met: 3 });
      const csvAfter = await api.ok<{ coverageCsv: { content: string } }>(
        CSV,
        { input: { schoolId: hub.schoolA.id, snapshotId: taken.takeCoverageSnapshot.id } },
        hub.tokens.schoolStaff,
      );
      expect(csvAfter.coverageCsv.content).toBe(csvBefore.coverageCsv.content);
      expect(parseCsv(csvAfter.coverageCsv.content).find((r) => r.fields[0] === 'A07a')?.fields[3]).toBe('met');
      const liveCsv = await api.ok<{ coverageCsv: { content: string } }>(
        CSV,
        { input: { schoolId: hub.schoolA.id, academicYear: YEAR } },
        hub.tokens.schoolStaff,
      );
      expect(parseCsv(liveCsv.coverageCsv.content).find((r) => r.fields[0] === 'A07a')?.fields[3]).toBe('not met');
    });

    it('lets the hub snapshot everything, each viewer seeing their own schools in it', async () => {
      const hubSnap = await api.ok<{ takeCoverageSnapshot: { id: string; schoolId: string | null; schools: Array<{ name: string }> } }>(
        TAKE,
        { input: { asOf: '2026-03-31' } },
        hub.tokens.hubAdmin,
      );
      expect(hubSnap.takeCoverageSnapshot.schoolId).toBeNull();
      expect(hubSnap.takeCoverageSnapshot.schools.map((s) => s.name)).toEqual(['Northfield Academy', 'Southgate School']);
      const seenByB = await api.ok<{ coverageSnapshot: { schools: Array<{ name: string }>; figures: Figure[] } }>(
        SNAPSHOT,
        { id: hubSnap.takeCoverageSnapshot.id },
        hub.tokens.coordinatorB,
      );
      expect(seenByB.coverageSnapshot.schools.map((s) => s.name)).toEqual(['Southgate School']);
      expect(pick(seenByB.coverageSnapshot.figures, 5)).toEqual({ pupils: 2, met: 1 });
      const list = await api.ok<{ coverageSnapshots: { totalCount: number; nodes: Array<{ schoolId: string | null }> } }>(
        SNAPSHOTS,
        {},
        hub.tokens.coordinatorB,
      );
      expect(list.coverageSnapshots.nodes.map((n) => n.schoolId)).toEqual([null]);
      const staff = await api.ok<{ coverageSnapshots: { totalCount: number } }>(
        SNAPSHOTS,
        { filter: { schoolId: hub.schoolA.id } },
        hub.tokens.schoolStaff,
      );
      expect(staff.coverageSnapshots.totalCount).toBe(1);
    });

    it.each([
      ['a day in the future', { schoolId: 'A', asOf: '2099-12-31' }, 'schoolStaff', 'INVALID_DATE', 'input.asOf'],
      ['a malformed day', { schoolId: 'A', asOf: '31/12/2025' }, 'schoolStaff', 'INVALID_DATE', 'input.asOf'],
      ['the whole hub, by a coordinator', {}, 'coordinator', 'FORBIDDEN', undefined],
      ['another school', { schoolId: 'B' }, 'schoolStaff', 'NOT_FOUND', 'input.schoolId'],
      ['an employer', { schoolId: 'A' }, 'employerContact', 'FORBIDDEN', undefined],
    ] as const)('refuses a snapshot of %s, writing nothing', async (_label, input, role, code, field) => {
      const vars = { ...input } as Record<string, unknown>;
      if (vars['schoolId'] === 'A') vars['schoolId'] = hub.schoolA.id;
      if (vars['schoolId'] === 'B') vars['schoolId'] = hub.schoolB.id;
      const before = (
        await sql(
          api,
          hub,
          `select (select count(*) from coverage_snapshots)::int as s, (select count(*) from coverage_snapshot_pupils)::int as p`,
        )
      )[0];
      const res = await api.gql(TAKE, { input: vars }, hub.tokens[role]);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(leaks(res)).toBe(false);
      expect(
        (
          await sql(
            api,
            hub,
            `select (select count(*) from coverage_snapshots)::int as s, (select count(*) from coverage_snapshot_pupils)::int as p`,
          )
        )[0],
      ).toEqual(before);
    });

    it('takes the reporting-day snapshots due this year once', async () => {
      const REPORTING = `mutation { takeReportingSnapshots { asOf kind schoolId } }`;
      const start = api.clock.now();
      try {
        // 1 April 2027, 09:00: 31 December and 31 March of this academic year have ended.
        api.clock.setLondon('2027-04-01', '09:00');
        const hubAdmin = api.tokenFor(hub.principals.hubAdmin);
        const first = await api.ok<{ takeReportingSnapshots: Array<{ asOf: string; kind: string }> }>(REPORTING, {}, hubAdmin);
        expect(first.takeReportingSnapshots.map((s) => s.asOf)).toEqual(['2026-12-31', '2027-03-31']);
        expect(first.takeReportingSnapshots.every((s) => s.kind === 'reporting_date')).toBe(true);
        const second = await api.ok<{ takeReportingSnapshots: unknown[] }>(REPORTING, {}, hubAdmin);
        expect(second.takeReportingSnapshots).toEqual([]);
        expect((await api.gql(REPORTING, {}, api.tokenFor(hub.principals.coordinator))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } finally {
        api.clock.set(start);
      }
    });
  });
});

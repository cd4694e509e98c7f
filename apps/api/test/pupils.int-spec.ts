import { randomUUID } from 'node:crypto';
import { academicYearOf, dateOfBirthRangeForYearGroup } from '@tandem/domain';
import { TenantContext } from '@tandem/persistence';
import { TEST_TODAY } from '@tandem/test-support';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/**
 * Pupils through the real API: children's data, so scope (employers and platform admins never see
 * them; coordinators see but do not manage, without names or dates of birth), every read audited,
 * erasure and subject-access export, and bad input refused with nothing written.
 */

const PUPIL = `id schoolId reference displayName dateOfBirth yearGroup disadvantaged send careExperienced roniScore atRisk onRollFrom onRollTo erasedAt`;
const CREATE = `mutation($input: CreatePupilInput!) { createPupil(input: $input) { ${PUPIL} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePupilInput!) { updatePupil(id: $id, input: $input) { ${PUPIL} } }`;
const LEFT = `mutation($id: ID!, $onDate: String!) { markPupilLeft(id: $id, onDate: $onDate) { id onRollTo } }`;
const ERASE = `mutation($id: ID!) { erasePupil(id: $id) { ${PUPIL} } }`;
const EXPORT = `query($id: ID!) { exportPupilData(id: $id) { pupilId generatedAt fileName json } }`;
const GET = `query($id: ID!) { pupil(id: $id) { ${PUPIL} school { id name } } }`;
const LIST = `query($schoolId: ID!, $filter: PupilFilter, $first: Int, $after: String) {
  pupils(schoolId: $schoolId, filter: $filter, first: $first, after: $after) {
    totalCount nodes { id reference displayName dateOfBirth yearGroup } edges { cursor } pageInfo { hasNextPage endCursor } } }`;

/** The API's clock starts at TEST_START (a Tuesday in November) in every test file. */
const academicYear = academicYearOf(TEST_TODAY);
/** A date of birth in `yearGroup` this academic year (the 10th of its first month). */
const dobIn = (yearGroup: number): string => dateOfBirthRangeForYearGroup(yearGroup, academicYear).from.replace(/-01$/, '-10');

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('pupils', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;

  const asTenant = <T>(
    tenantId: string,
    fn: (q: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>) => Promise<T>,
  ): Promise<T> =>
    TenantContext.run({ tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction((em) => fn((sql, params) => em.query(sql, params))),
    );

  /** Everything about the hub's pupils (count and every row's content). */
  const pupilsState = (tenantId = hub.tenantId): Promise<string> =>
    asTenant(tenantId, async (q) =>
      JSON.stringify(await q(`select count(*)::int as n, md5(coalesce(string_agg(p::text, '|' order by p.id), '')) as h from pupils p`)),
    );

  const auditOf = (action: string, entityIds: string[]): Promise<Array<Record<string, unknown>>> =>
    asTenant(hub.tenantId, (q) =>
      q(`select entity_id, actor_user_id, detail from audit_log where action = $1 and entity_id = any($2::uuid[]) order by id`, [
        action,
        entityIds,
      ]),
    );

  async function rejects(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    code: string,
    field: string | undefined,
  ): Promise<GqlResult<unknown>> {
    const before = await pupilsState();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(res.data).toBeNull();
    expectNoLeaks(res);
    expect(await pupilsState()).toBe(before);
    return res;
  }

  const create = async (
    input: Record<string, unknown>,
    token = hub.tokens.schoolStaff,
  ): Promise<Record<string, unknown> & { id: string }> =>
    (
      await api.ok<{ createPupil: Record<string, unknown> & { id: string } }>(
        CREATE,
        { input: { schoolId: hub.schoolA.id, ...input } },
        token,
      )
    ).createPupil;

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
  });
  afterAll(() => api?.close());

  describe('create', () => {
    it('lets school staff add a pupil; the year group follows the date of birth; audited', async () => {
      const pupil = await create({ reference: ' NEW-1 ', displayName: 'Jo B', dateOfBirth: dobIn(8), disadvantaged: true, roniScore: 64 });
      expect(pupil).toMatchObject({
        reference: 'NEW-1',
        displayName: 'Jo B',
        dateOfBirth: dobIn(8),
        yearGroup: 8,
        disadvantaged: true,
        send: false,
        roniScore: 64,
        atRisk: true,
        onRollTo: null,
        erasedAt: null,
      });
      expect(pupil['onRollFrom']).toBe(TEST_TODAY);
      expect(await auditOf('pupil.created', [pupil.id])).toEqual([
        { entity_id: pupil.id, actor_user_id: hub.principals.schoolStaff.userId, detail: { schoolId: hub.schoolA.id } },
      ]);
    });

    it('lets a hub admin add a pupil with only a year group', async () => {
      const pupil = await create({ reference: 'NEW-2', yearGroup: 12 }, hub.tokens.hubAdmin);
      expect(pupil).toMatchObject({ yearGroup: 12, dateOfBirth: null, atRisk: false });
    });

    it.each([
      ['no date of birth or year group', {}, 'REQUIRED', 'input.yearGroup'],
      ['a blank reference', { reference: '  ', yearGroup: 7 }, 'INVALID_TEXT', 'input.reference'],
      ['a reference of 51 characters', { reference: 'R'.repeat(51), yearGroup: 7 }, 'INVALID_TEXT', 'input.reference'],
      ['an impossible date of birth', { dateOfBirth: '2013-02-30' }, 'INVALID_DATE', 'input.dateOfBirth'],
      ['a date of birth written day first', { dateOfBirth: '01/09/2013' }, 'INVALID_DATE', 'input.dateOfBirth'],
      ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'INVALID_DATE', 'input.dateOfBirth'],
      ['a date of birth of a Year 5 child', { dateOfBirth: dobIn(5) }, 'INVALID_YEAR_GROUP', 'input.dateOfBirth'],
      [
        'a year group that contradicts the date of birth',
        { dateOfBirth: dobIn(8), yearGroup: 10 },
        'INVALID_YEAR_GROUP',
        'input.yearGroup',
      ],
      ['year group 6', { yearGroup: 6 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
      ['year group 14', { yearGroup: 14 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
      ['a RONI score of 101', { yearGroup: 7, roniScore: 101 }, 'INVALID_NUMBER', 'input.roniScore'],
      ['a negative RONI score', { yearGroup: 7, roniScore: -1 }, 'INVALID_NUMBER', 'input.roniScore'],
      ['an impossible on-roll date', { yearGroup: 7, onRollFrom: '2025-13-01' }, 'INVALID_DATE', 'input.onRollFrom'],
    ])('refuses %s with its code and field, writing nothing', async (_label, input, code, field) => {
      await rejects(CREATE, { input: { schoolId: hub.schoolA.id, reference: 'BAD-1', ...input } }, hub.tokens.schoolStaff, code, field);
    });

    it('refuses year group 12 in a school that teaches 7–11', async () => {
      await rejects(
        CREATE,
        { input: { schoolId: hub.schoolB.id, reference: 'B-12', yearGroup: 12 } },
        hub.tokens.hubAdmin,
        'INVALID_YEAR_GROUP',
        'input.yearGroup',
      );
    });

    it('refuses a reference already in the school (ALREADY_EXISTS); another school may use it', async () => {
      await create({ reference: 'DUP-1', yearGroup: 9 });
      await rejects(
        CREATE,
        { input: { schoolId: hub.schoolA.id, reference: 'DUP-1', yearGroup: 9 } },
        hub.tokens.schoolStaff,
        'ALREADY_EXISTS',
        'input.reference',
      );
      await api.ok(CREATE, { input: { schoolId: hub.schoolB.id, reference: 'DUP-1', yearGroup: 9 } }, hub.tokens.hubAdmin);
    });

    it('refuses everyone outside the school: NOT_FOUND when the school is out of sight, FORBIDDEN for a coordinator', async () => {
      const input = { schoolId: hub.schoolA.id, reference: 'SCOPE-1', yearGroup: 7 };
      await rejects(CREATE, { input: { ...input, schoolId: hub.schoolB.id } }, hub.tokens.schoolStaff, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input }, hub.tokens.employerContact, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      await rejects(CREATE, { input }, hub.tokens.platformAdmin, 'FORBIDDEN', undefined);
      await rejects(CREATE, { input: { ...input, schoolId: other.schoolA.id } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input: { ...input, schoolId: randomUUID() } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input: { ...input, schoolId: 'school-a' } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
      expect(await pupilsState(other.tenantId)).toBe(await pupilsState(other.tenantId));
    });
  });

  describe('reading', () => {
    let schoolId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const { createSchool } = await api.ok<{ createSchool: { id: string } }>(
        `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`,
        {
          input: {
            urn: '654321',
            name: 'Readable High',
            postcode: 'LS6 1AA',
            phase: 'secondary',
            lowestYearGroup: 7,
            highestYearGroup: 11,
            clusterId: hub.clusterA.id,
          },
        },
        hub.tokens.hubAdmin,
      );
      schoolId = createSchool.id;
      const rows: Array<[string, Record<string, unknown>]> = [
        ['R-a01', { yearGroup: 7, disadvantaged: true }],
        ['R-a02', { yearGroup: 7, send: true, roniScore: 80 }],
        ['R-a03', { yearGroup: 8, careExperienced: true, roniScore: 50 }],
        ['R-b01', { dateOfBirth: dobIn(9), displayName: 'Sam', roniScore: 49 }],
        ['R-b02', { yearGroup: 9 }],
        ['r-b03', { yearGroup: 10, disadvantaged: true, send: true }],
        ['R_x%1', { yearGroup: 11 }],
      ];
      for (const [reference, fields] of rows) {
        const { createPupil } = await api.ok<{ createPupil: { id: string } }>(
          CREATE,
          { input: { schoolId, reference, ...fields } },
          hub.tokens.hubAdmin,
        );
        ids[reference] = createPupil.id;
      }
    });

    const refs = async (filter: Record<string, unknown>, token = hub.tokens.hubAdmin): Promise<string[]> =>
      (await api.ok<{ pupils: { nodes: { reference: string }[] } }>(LIST, { schoolId, filter, first: 100 }, token)).pupils.nodes.map(
        (n) => n.reference,
      );

    it('lists in reference order and filters by year group, flags, risk and reference prefix', async () => {
      expect(await refs({})).toEqual(['R-a01', 'R-a02', 'R-a03', 'R-b01', 'R-b02', 'R_x%1', 'r-b03']);
      expect(await refs({ yearGroup: 7 })).toEqual(['R-a01', 'R-a02']);
      expect(await refs({ yearGroup: 9 })).toEqual(['R-b01', 'R-b02']);
      expect(await refs({ disadvantaged: true })).toEqual(['R-a01', 'r-b03']);
      expect(await refs({ send: true, disadvantaged: true })).toEqual(['r-b03']);
      expect(await refs({ careExperienced: true })).toEqual(['R-a03']);
      expect(await refs({ atRisk: true })).toEqual(['R-a02', 'R-a03']);
      expect(await refs({ atRisk: false, yearGroup: 9 })).toEqual(['R-b01', 'R-b02']);
      expect(await refs({ search: 'r-b' })).toEqual(['R-b01', 'R-b02', 'r-b03']);
      expect(await refs({ search: 'R_x%' })).toEqual(['R_x%1']);
      expect(await refs({ search: '%' })).toEqual([]);
    });

    it('pages with opaque cursors, no duplicates or gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data: {
          pupils: {
            totalCount: number;
            nodes: { reference: string }[];
            edges: { cursor: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        } = await api.ok(LIST, { schoolId, first: 3, after }, hub.tokens.hubAdmin);
        expect(data.pupils.totalCount).toBe(7);
        expect(data.pupils.edges.at(-1)?.cursor).toBe(data.pupils.pageInfo.endCursor);
        // Opaque for real: no reference (a UPN) inside, however it is decoded (issue 14, finding 11).
        for (const { cursor } of data.pupils.edges) {
          for (const n of data.pupils.nodes) expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toContain(n.reference);
        }
        seen.push(...data.pupils.nodes.map((n) => n.reference));
        pages++;
        if (!data.pupils.pageInfo.hasNextPage) break;
        after = data.pupils.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(['R-a01', 'R-a02', 'R-a03', 'R-b01', 'R-b02', 'R_x%1', 'r-b03']);
    });

    it.each([
      ['year group 6', { filter: { yearGroup: 6 } }, 'INVALID_YEAR_GROUP', 'filter.yearGroup'],
      ['a garbage cursor', { after: 'nope!' }, 'INVALID_CURSOR', 'after'],
      [
        'a cursor of another list',
        { after: Buffer.from('2026-01-01T00:00:00.000Z|' + randomUUID()).toString('base64url') },
        'INVALID_CURSOR',
        'after',
      ],
      ['a page of 1,000', { first: 1000 }, 'VALIDATION_FAILED', 'first'],
      [
        'a cursor naming a pupil of another school',
        { after: Buffer.from(JSON.stringify({ i: randomUUID() })).toString('base64url') },
        'INVALID_CURSOR',
        'after',
      ],
    ])('refuses a list with %s', async (_label, variables, code, field) => {
      const res = await api.gql(LIST, { schoolId, ...variables }, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
      expectNoLeaks(res);
    });

    it('audits every pupil read: one row per pupil listed, viewed or exported, naming the reader', async () => {
      const page = await api.ok<{ pupils: { nodes: { id: string }[] } }>(
        LIST,
        { schoolId, filter: { yearGroup: 7 } },
        hub.tokens.coordinator,
      );
      const listed = page.pupils.nodes.map((n) => n.id);
      expect(listed.sort()).toEqual([ids['R-a01'], ids['R-a02']].sort());
      const rows = await asTenant(hub.tenantId, (q) =>
        q(`select entity_id from audit_log where action = 'pupil.listed' and actor_user_id = $1 and entity_id = any($2::uuid[])`, [
          hub.principals.coordinator.userId,
          listed,
        ]),
      );
      expect(rows.map((r) => r['entity_id']).sort()).toEqual(listed);
      await api.ok(GET, { id: ids['R-b01'] }, hub.tokens.hubAdmin);
      const viewed = await auditOf('pupil.viewed', [ids['R-b01']]);
      expect(viewed).toEqual([{ entity_id: ids['R-b01'], actor_user_id: hub.principals.hubAdmin.userId, detail: {} }]);
      // Ids only: no reference, name or date of birth in the audit trail.
      const all = JSON.stringify(await asTenant(hub.tenantId, (q) => q(`select detail from audit_log where entity_type = 'pupil'`)));
      expect(all).not.toMatch(/R-b01|Sam|Jo B/);
    });

    it("shows coordinators their cluster's pupils without names or dates of birth, and no other cluster's", async () => {
      const asCoordinator = await api.ok<{ pupil: Record<string, unknown> }>(GET, { id: ids['R-b01'] }, hub.tokens.coordinator);
      expect(asCoordinator.pupil).toMatchObject({ reference: 'R-b01', yearGroup: 9, displayName: null, dateOfBirth: null, atRisk: false });
      const asAdmin = await api.ok<{ pupil: Record<string, unknown> }>(GET, { id: ids['R-b01'] }, hub.tokens.hubAdmin);
      expect(asAdmin.pupil).toMatchObject({ displayName: 'Sam', dateOfBirth: dobIn(9), school: { id: schoolId, name: 'Readable High' } });
      const listed = await api.ok<{ pupils: { nodes: { displayName: string | null; dateOfBirth: string | null }[] } }>(
        LIST,
        { schoolId, filter: { search: 'R-b01' } },
        hub.tokens.coordinator,
      );
      expect(listed.pupils.nodes).toEqual([{ id: ids['R-b01'], reference: 'R-b01', displayName: null, dateOfBirth: null, yearGroup: 9 }]);
      const otherCluster = await api.gql(LIST, { schoolId }, hub.tokens.coordinatorB);
      expect(otherCluster.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'schoolId' });
      const otherPupil = await api.gql(GET, { id: ids['R-b01'] }, hub.tokens.coordinatorB);
      expect(otherPupil.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    it('never shows pupils to employer contacts, platform admins, another school or another hub, and audits nothing for them', async () => {
      const before = await asTenant(hub.tenantId, (q) => q(`select count(*)::int as n from audit_log where entity_type = 'pupil'`));
      for (const [token, code] of [
        [hub.tokens.employerContact, 'NOT_FOUND'],
        [hub.tokens.platformAdmin, 'FORBIDDEN'],
        [hub.tokens.schoolStaff, 'NOT_FOUND'],
        [other.tokens.hubAdmin, 'NOT_FOUND'],
      ] as const) {
        const list = await api.gql(LIST, { schoolId }, token);
        expect(list.errors?.[0]?.extensions?.code).toBe(code);
        expect(list.data).toBeNull();
        for (const query of [GET, EXPORT]) {
          const one = await api.gql(query, { id: ids['R-a01'] }, token);
          expect(one.errors?.[0]?.extensions?.code).toBe(code === 'FORBIDDEN' ? 'FORBIDDEN' : 'NOT_FOUND');
          expect(one.data).toBeNull();
          expectNoLeaks(one);
          expect(JSON.stringify(one)).not.toContain('R-a01');
        }
      }
      const after = await asTenant(hub.tenantId, (q) => q(`select count(*)::int as n from audit_log where entity_type = 'pupil'`));
      expect(after).toEqual(before);
      // Nor through the school: employer contacts cannot reach schools, platform admins see no counts.
      const school = await api.gql(`query($id: ID!) { school(id: $id) { id pupilCount } }`, { id: schoolId }, hub.tokens.employerContact);
      expect(school.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('changing', () => {
    it('updates only the fields given, keeping the year group consistent with the date of birth', async () => {
      const p = await create({ reference: 'UPD-1', dateOfBirth: dobIn(7) });
      const flagged = await api.ok<{ updatePupil: Record<string, unknown> }>(
        UPDATE,
        { id: p.id, input: { send: true, roniScore: null } },
        hub.tokens.schoolStaff,
      );
      expect(flagged.updatePupil).toMatchObject({ reference: 'UPD-1', send: true, yearGroup: 7, dateOfBirth: dobIn(7) });
      await rejects(UPDATE, { id: p.id, input: { yearGroup: 9 } }, hub.tokens.schoolStaff, 'INVALID_YEAR_GROUP', 'input.yearGroup');
      const older = await api.ok<{ updatePupil: Record<string, unknown> }>(
        UPDATE,
        { id: p.id, input: { dateOfBirth: dobIn(10) } },
        hub.tokens.schoolStaff,
      );
      expect(older.updatePupil).toMatchObject({ yearGroup: 10, dateOfBirth: dobIn(10) });
      const cleared = await api.ok<{ updatePupil: Record<string, unknown> }>(
        UPDATE,
        { id: p.id, input: { dateOfBirth: null, yearGroup: 11 } },
        hub.tokens.schoolStaff,
      );
      expect(cleared.updatePupil).toMatchObject({ yearGroup: 11, dateOfBirth: null });
      await create({ reference: 'UPD-2', yearGroup: 7 });
      await rejects(UPDATE, { id: p.id, input: { reference: 'UPD-2' } }, hub.tokens.schoolStaff, 'ALREADY_EXISTS', 'input.reference');
      await rejects(UPDATE, { id: p.id, input: { send: false } }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      await rejects(UPDATE, { id: p.id, input: { send: false } }, hub.tokens.employerContact, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { id: p.id, input: { send: false } }, other.tokens.hubAdmin, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { id: randomUUID(), input: { send: false } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'id');
    });

    it('marks a pupil as left: out of the default list, back with includeLeavers; the date cannot precede joining', async () => {
      const p = await create({ reference: 'LEAVER-1', yearGroup: 11, onRollFrom: '2022-09-01' });
      await rejects(LEFT, { id: p.id, onDate: '2022-08-31' }, hub.tokens.schoolStaff, 'INVALID_WINDOW', 'onDate');
      await rejects(LEFT, { id: p.id, onDate: '31/07/2025' }, hub.tokens.schoolStaff, 'INVALID_DATE', 'onDate');
      await rejects(LEFT, { id: p.id, onDate: '2025-07-31' }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      const left = await api.ok<{ markPupilLeft: { onRollTo: string } }>(LEFT, { id: p.id, onDate: '2025-07-31' }, hub.tokens.schoolStaff);
      expect(left.markPupilLeft.onRollTo).toBe('2025-07-31');
      const list = async (includeLeavers: boolean): Promise<string[]> =>
        (
          await api.ok<{ pupils: { nodes: { reference: string }[] } }>(
            LIST,
            { schoolId: hub.schoolA.id, filter: { search: 'LEAVER', includeLeavers } },
            hub.tokens.schoolStaff,
          )
        ).pupils.nodes.map((n) => n.reference);
      expect(await list(false)).toEqual([]);
      expect(await list(true)).toEqual(['LEAVER-1']);
      expect(await auditOf('pupil.left', [p.id])).toHaveLength(1);
    });
  });

  describe('erasure and subject access', () => {
    it('exports everything held about a pupil as JSON, for those who manage the pupils; audited', async () => {
      const p = await create({ reference: 'SAR-1', displayName: 'Ria K', dateOfBirth: dobIn(9), careExperienced: true, roniScore: 55 });
      await api.ok(GET, { id: p.id }, hub.tokens.coordinator);
      const { exportPupilData: out } = await api.ok<{ exportPupilData: { pupilId: string; fileName: string; json: string } }>(
        EXPORT,
        { id: p.id },
        hub.tokens.schoolStaff,
      );
      expect(out.pupilId).toBe(p.id);
      expect(out.fileName).toBe(`pupil-${hub.schoolA.urn}-${p.id}.json`);
      const doc = JSON.parse(out.json);
      expect(doc.school).toEqual({ id: hub.schoolA.id, urn: hub.schoolA.urn, name: hub.schoolA.name });
      expect(doc.pupil).toMatchObject({
        id: p.id,
        reference: 'SAR-1',
        displayName: 'Ria K',
        dateOfBirth: dobIn(9),
        yearGroup: 9,
        careExperienced: true,
        roniScore: 55,
        erasedAt: null,
      });
      expect(doc.accessLog.map((e: { action: string }) => e.action)).toEqual(['pupil.created', 'pupil.viewed', 'pupil.exported']);
      await rejects(EXPORT, { id: p.id }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
    });

    it('erases for good: personal fields gone, opaque reference, out of lists and counts, irreversible, audited', async () => {
      const p = await create({
        reference: 'ERASE-1',
        displayName: 'Alex M',
        dateOfBirth: dobIn(10),
        disadvantaged: true,
        send: true,
        roniScore: 90,
        onRollFrom: '2023-10-02',
      });
      await rejects(ERASE, { id: p.id }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      await rejects(ERASE, { id: p.id }, hub.tokens.employerContact, 'NOT_FOUND', 'id');
      const { erasePupil: erased } = await api.ok<{ erasePupil: Record<string, unknown> }>(ERASE, { id: p.id }, hub.tokens.schoolStaff);
      expect(erased).toMatchObject({
        id: p.id,
        displayName: null,
        dateOfBirth: null,
        yearGroup: 10,
        disadvantaged: false,
        send: false,
        careExperienced: false,
        roniScore: null,
        onRollFrom: '2023-09-01',
        onRollTo: null,
      });
      expect(erased['reference']).toMatch(/^erased-[0-9a-f]{32}$/);
      expect(erased['erasedAt']).not.toBeNull();
      const stored = await asTenant(hub.tenantId, (q) => q(`select p::text as row from pupils p where id = $1`, [p.id]));
      expect(stored[0]['row']).not.toMatch(/ERASE-1|Alex|\b90\b/);
      // A second erasure changes nothing and is not audited again; the record cannot be edited back.
      const again = await api.ok<{ erasePupil: { reference: string } }>(ERASE, { id: p.id }, hub.tokens.schoolStaff);
      expect(again.erasePupil.reference).toBe(erased['reference']);
      expect(await auditOf('pupil.erased', [p.id])).toEqual([
        {
          entity_id: p.id,
          actor_user_id: hub.principals.schoolStaff.userId,
          detail: { schoolId: hub.schoolA.id, fields: expect.arrayContaining(['displayName', 'dateOfBirth', 'reference']) },
        },
      ]);
      await rejects(UPDATE, { id: p.id, input: { displayName: 'Back' } }, hub.tokens.schoolStaff, 'CONFLICT', 'id');
      const list = await api.ok<{ pupils: { nodes: { id: string }[] } }>(
        LIST,
        { schoolId: hub.schoolA.id, filter: { includeLeavers: true }, first: 100 },
        hub.tokens.schoolStaff,
      );
      expect(list.pupils.nodes.map((n) => n.id)).not.toContain(p.id);
      // The reference is free again: the school may add the child anew.
      await create({ reference: 'ERASE-1', yearGroup: 10 });
      const doc = JSON.parse(
        (await api.ok<{ exportPupilData: { json: string } }>(EXPORT, { id: p.id }, hub.tokens.schoolStaff)).exportPupilData.json,
      );
      expect(doc.pupil).toMatchObject({ displayName: null, dateOfBirth: null, roniScore: null });
    });
  });
});

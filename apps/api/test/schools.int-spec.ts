import { randomUUID } from 'node:crypto';
import { TenantContext } from '@tandem/persistence';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/** Schools through the real API, per role: create, read, list, update, archive, pupil counts. */

const SCHOOL = `id urn name postcode latitude longitude phase lowestYearGroup highestYearGroup clusterId archivedAt`;
const CREATE = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { ${SCHOOL} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSchoolInput!) { updateSchool(id: $id, input: $input) { ${SCHOOL} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveSchool(id: $id) { id archivedAt } }`;
const GET = `query($id: ID!) { school(id: $id) { ${SCHOOL} } }`;
const LIST = `query($filter: SchoolFilter, $first: Int, $after: String) {
  schools(filter: $filter, first: $first, after: $after) { totalCount nodes { id name urn clusterId } edges { cursor } pageInfo { hasNextPage endCursor } } }`;
const COUNTS = `query($filter: SchoolFilter) { schools(filter: $filter, first: 100) { nodes { id pupilCount pupilCounts { yearGroup pupils disadvantaged send careExperienced atRisk } } } }`;
const CREATE_PUPIL = `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id yearGroup } }`;

let urnCounter = 0;
/** A URN no other test (or the fixture's random ones) uses. */
const nextUrn = (): string => String(900000 + (urnCounter += 1) * 7 + Math.floor(Math.random() * 7));

/** No stack trace, file path or SQL in anything the client sees. */
function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('schools', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;

  const validSchool = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    urn: nextUrn(),
    name: 'Kirkstall Valley High',
    postcode: 'ls5 3jt',
    latitude: 53.81,
    longitude: -1.6,
    phase: 'secondary',
    lowestYearGroup: 7,
    highestYearGroup: 11,
    clusterId: hub.clusterA.id,
    ...over,
  });

  /** A fingerprint of the hub's schools table (count and every row's content). */
  const schoolsState = (tenantId: string): Promise<string> =>
    TenantContext.run({ tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction(async (em) =>
        JSON.stringify(
          await em.query(`select count(*)::int as n, md5(coalesce(string_agg(s::text, '|' order by s.id), '')) as h from schools s`),
        ),
      ),
    );

  /** Expects failure with code + field, no leak, and the hub's schools exactly as they were. */
  async function rejects(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    code: string,
    field: string | undefined,
  ): Promise<void> {
    const before = await schoolsState(hub.tenantId);
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    if (!field) expect(res.errors?.[0]?.extensions?.field).toBeUndefined();
    expectNoLeaks(res);
    expect(await schoolsState(hub.tenantId)).toBe(before);
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
  });
  afterAll(() => api?.close());

  describe('create', () => {
    it('lets a hub admin create a school, normalising the postcode and keeping the cluster', async () => {
      const input = validSchool();
      const { createSchool } = await api.ok<{ createSchool: Record<string, unknown> }>(CREATE, { input }, hub.tokens.hubAdmin);
      expect(createSchool).toMatchObject({
        urn: input['urn'],
        name: 'Kirkstall Valley High',
        postcode: 'LS5 3JT',
        latitude: 53.81,
        longitude: -1.6,
        phase: 'secondary',
        clusterId: hub.clusterA.id,
        archivedAt: null,
      });
      const audit = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
        api.db.tenantDb.transaction((em) =>
          em.query(`select actor_user_id from audit_log where action = 'school.created' and entity_id = $1`, [createSchool['id']]),
        ),
      );
      expect(audit).toEqual([{ actor_user_id: hub.principals.hubAdmin.userId }]);
    });

    it('refuses coordinators, school staff and employer contacts (FORBIDDEN), writing nothing', async () => {
      for (const role of ['coordinator', 'schoolStaff', 'employerContact'] as const) {
        await rejects(CREATE, { input: validSchool() }, hub.tokens[role], 'FORBIDDEN', undefined);
      }
    });

    it.each([
      ['a 5-digit URN', { urn: '12345' }, 'INVALID_URN', 'input.urn'],
      ['a URN with a letter', { urn: '12345X' }, 'INVALID_URN', 'input.urn'],
      ['a malformed postcode', { postcode: 'NOT A CODE' }, 'INVALID_POSTCODE', 'input.postcode'],
      ['an unknown phase', { phase: 'primary' }, 'INVALID_ENUM_VALUE', 'input.phase'],
      ['year group 6', { lowestYearGroup: 6 }, 'INVALID_YEAR_GROUP', 'input.lowestYearGroup'],
      ['year group 14', { highestYearGroup: 14 }, 'INVALID_YEAR_GROUP', 'input.highestYearGroup'],
      ['years the wrong way round', { lowestYearGroup: 11, highestYearGroup: 7 }, 'INVALID_YEAR_GROUP', 'input.highestYearGroup'],
      ['latitude without longitude', { longitude: null }, 'INVALID_COORDINATES', 'input.longitude'],
      ['latitude 91', { latitude: 91 }, 'INVALID_COORDINATES', 'input.latitude'],
      ['a blank name', { name: ' ' }, 'INVALID_TEXT', 'input.name'],
    ])('refuses %s with its code and field, writing nothing', async (_label, over, code, field) => {
      await rejects(CREATE, { input: validSchool(over) }, hub.tokens.hubAdmin, code, field);
    });

    it('refuses a fractional year group at the GraphQL boundary, naming the field', async () => {
      await rejects(CREATE, { input: validSchool({ lowestYearGroup: 7.5 }) }, hub.tokens.hubAdmin, 'BAD_REQUEST', 'input.lowestYearGroup');
    });

    it("refuses an unknown cluster, another hub's cluster and a malformed id as NOT_FOUND on input.clusterId", async () => {
      for (const clusterId of [randomUUID(), other.clusterA.id, 'not-a-uuid']) {
        await rejects(CREATE, { input: validSchool({ clusterId }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.clusterId');
      }
    });

    it('refuses a URN already in the hub (ALREADY_EXISTS), but another hub may use it', async () => {
      await rejects(CREATE, { input: validSchool({ urn: hub.schoolA.urn }) }, hub.tokens.hubAdmin, 'ALREADY_EXISTS', 'input.urn');
      const theirs = await api.ok<{ createSchool: { urn: string } }>(
        CREATE,
        { input: validSchool({ urn: hub.schoolA.urn, clusterId: other.clusterA.id }) },
        other.tokens.hubAdmin,
      );
      expect(theirs.createSchool.urn).toBe(hub.schoolA.urn);
    });

    it('reports several problems at once as VALIDATION_FAILED with details', async () => {
      const res = await api.gql(CREATE, { input: validSchool({ urn: '1', postcode: 'X', name: '' }) }, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.extensions?.details?.map((d) => d.field).sort()).toEqual(['input.name', 'input.postcode', 'input.urn']);
    });
  });

  describe('read and scope', () => {
    it('shows each role exactly its scope', async () => {
      const seen = async (token: string): Promise<string[]> =>
        (await api.ok<{ schools: { nodes: { id: string }[] } }>(LIST, { first: 100 }, token)).schools.nodes.map((n) => n.id);
      const all = await seen(hub.tokens.hubAdmin);
      expect(all).toEqual(expect.arrayContaining([hub.schoolA.id, hub.schoolB.id]));
      expect(all).not.toContain(other.schoolA.id);
      const cluster = await seen(hub.tokens.coordinator);
      expect(cluster).toContain(hub.schoolA.id);
      expect(cluster).not.toContain(hub.schoolB.id);
      expect(await seen(hub.tokens.coordinatorB)).not.toContain(hub.schoolA.id);
      expect(await seen(hub.tokens.schoolStaff)).toEqual([hub.schoolA.id]);
      const employer = await api.gql(LIST, {}, hub.tokens.employerContact);
      expect(employer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expectNoLeaks(employer);
    });

    it('answers NOT_FOUND for a school out of scope, in another hub, unknown or malformed', async () => {
      for (const [id, token] of [
        [hub.schoolB.id, hub.tokens.coordinator],
        [hub.schoolB.id, hub.tokens.schoolStaff],
        [hub.schoolA.id, hub.tokens.employerContact],
        [other.schoolA.id, hub.tokens.hubAdmin],
        [randomUUID(), hub.tokens.hubAdmin],
        ['not-a-uuid', hub.tokens.hubAdmin],
      ] as const) {
        const res = await api.gql(GET, { id }, token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
        expect(res.data).toBeNull();
        expectNoLeaks(res);
      }
      // A platform admin outside any hub is told to choose one, for reads and writes alike.
      for (const [query, variables] of [
        [GET, { id: hub.schoolA.id }],
        [LIST, {}],
        [UPDATE, { id: hub.schoolA.id, input: { name: 'Platform' } }],
        [ARCHIVE, { id: hub.schoolA.id }],
      ] as const) {
        await rejects(query, variables, hub.tokens.platformAdmin, 'FORBIDDEN', undefined);
      }
      const mine = await api.ok<{ school: { id: string; clusterId: string } }>(GET, { id: hub.schoolA.id }, hub.tokens.schoolStaff);
      expect(mine.school).toMatchObject({ id: hub.schoolA.id, clusterId: hub.clusterA.id });
    });

    it('filters by cluster, phase and search (name or URN prefix), and pages without gaps', async () => {
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { createSchool } = await api.ok<{ createSchool: { id: string } }>(
          CREATE,
          { input: validSchool({ name: `Paged Special ${i}`, phase: 'special', clusterId: hub.clusterB.id }) },
          hub.tokens.hubAdmin,
        );
        made.push(createSchool.id);
      }
      const special = await api.ok<{ schools: { totalCount: number; nodes: { id: string }[] } }>(
        LIST,
        { filter: { phase: 'special' }, first: 100 },
        hub.tokens.hubAdmin,
      );
      expect(special.schools.nodes.map((n) => n.id).sort()).toEqual([...made].sort());
      expect(special.schools.totalCount).toBe(5);
      const inB = await api.ok<{ schools: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { clusterId: hub.clusterB.id }, first: 100 },
        hub.tokens.hubAdmin,
      );
      expect(inB.schools.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([hub.schoolB.id, ...made]));
      expect(inB.schools.nodes.map((n) => n.id)).not.toContain(hub.schoolA.id);
      const byName = await api.ok<{ schools: { nodes: { name: string }[] } }>(
        LIST,
        { filter: { search: 'paged SPECIAL 3' } },
        hub.tokens.hubAdmin,
      );
      expect(byName.schools.nodes.map((n) => n.name)).toEqual(['Paged Special 3']);
      const byUrn = await api.ok<{ schools: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { search: hub.schoolA.urn.slice(0, 5) } },
        hub.tokens.hubAdmin,
      );
      expect(byUrn.schools.nodes.map((n) => n.id)).toContain(hub.schoolA.id);
      const wildcard = await api.ok<{ schools: { totalCount: number } }>(LIST, { filter: { search: '%' } }, hub.tokens.hubAdmin);
      expect(wildcard.schools.totalCount).toBe(0);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const data: { schools: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await api.ok(
          LIST,
          { filter: { phase: 'special' }, first: 2, after },
          hub.tokens.hubAdmin,
        );
        seen.push(...data.schools.nodes.map((n) => n.id));
        if (!data.schools.pageInfo.hasNextPage) break;
        after = data.schools.pageInfo.endCursor;
      }
      expect([...seen].sort()).toEqual([...made].sort());
      expect(new Set(seen).size).toBe(5);
    });

    it.each([
      ['an unknown phase', { filter: { phase: 'nursery' } }, 'INVALID_ENUM_VALUE', 'filter.phase'],
      ['a malformed cluster id', { filter: { clusterId: 'abc' } }, 'NOT_FOUND', 'filter.clusterId'],
      ['a bad cursor', { after: 'garbage!' }, 'INVALID_CURSOR', 'after'],
      ['a page too big', { first: 1000 }, 'VALIDATION_FAILED', 'first'],
    ])('refuses a list with %s', async (_label, variables, code, field) => {
      const res = await api.gql(LIST, variables, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
      expectNoLeaks(res);
    });
  });

  describe('update and archive', () => {
    it("lets a coordinator and the school's staff edit details, but only a hub admin move it or change its URN", async () => {
      const { createSchool: s } = await api.ok<{ createSchool: { id: string; urn: string } }>(
        CREATE,
        { input: validSchool({ name: 'Editable School' }) },
        hub.tokens.hubAdmin,
      );
      const byCoordinator = await api.ok<{ updateSchool: Record<string, unknown> }>(
        UPDATE,
        { id: s.id, input: { name: 'Edited by EC', postcode: 'm1 1ae' } },
        hub.tokens.coordinator,
      );
      expect(byCoordinator.updateSchool).toMatchObject({ name: 'Edited by EC', postcode: 'M1 1AE', urn: s.urn, highestYearGroup: 11 });
      await rejects(UPDATE, { id: s.id, input: { clusterId: hub.clusterB.id } }, hub.tokens.coordinator, 'FORBIDDEN', 'input.clusterId');
      await rejects(UPDATE, { id: s.id, input: { urn: nextUrn() } }, hub.tokens.coordinator, 'FORBIDDEN', 'input.urn');
      // Repeating the current values is not a change.
      await api.ok(UPDATE, { id: s.id, input: { clusterId: hub.clusterA.id, urn: s.urn } }, hub.tokens.coordinator);
      await rejects(UPDATE, { id: s.id, input: { name: 'Not mine' } }, hub.tokens.coordinatorB, 'NOT_FOUND', 'id');
      await rejects(UPDATE, { id: s.id, input: { name: 'Not mine' } }, hub.tokens.schoolStaff, 'NOT_FOUND', 'id');
      const ownStaff = await api.ok<{ updateSchool: { phase: string } }>(
        UPDATE,
        { id: hub.schoolA.id, input: { phase: 'all_through' } },
        hub.tokens.schoolStaff,
      );
      expect(ownStaff.updateSchool.phase).toBe('all_through');
      const moved = await api.ok<{ updateSchool: { clusterId: string } }>(
        UPDATE,
        { id: s.id, input: { clusterId: hub.clusterB.id } },
        hub.tokens.hubAdmin,
      );
      expect(moved.updateSchool.clusterId).toBe(hub.clusterB.id);
      // Now out of the first coordinator's reach.
      const gone = await api.gql(GET, { id: s.id }, hub.tokens.coordinator);
      expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it.each([
      ['a URN already taken', () => ({ urn: hub.schoolB.urn }), 'ALREADY_EXISTS', 'input.urn'],
      ['a cluster of another hub', () => ({ clusterId: other.clusterB.id }), 'NOT_FOUND', 'input.clusterId'],
      ['a malformed postcode', () => ({ postcode: '123' }), 'INVALID_POSTCODE', 'input.postcode'],
      [
        'a lowest year above the current highest',
        () => ({ lowestYearGroup: 12, highestYearGroup: 11 }),
        'INVALID_YEAR_GROUP',
        'input.highestYearGroup',
      ],
      ['a blank name', () => ({ name: '' }), 'INVALID_TEXT', 'input.name'],
    ])('refuses an update with %s, changing nothing', async (_label, input, code, field) => {
      await rejects(UPDATE, { id: hub.schoolA.id, input: input() }, hub.tokens.hubAdmin, code, field);
    });

    it('refuses to stop teaching a year group pupils are on roll in (CONFLICT)', async () => {
      const { createSchool: s } = await api.ok<{ createSchool: { id: string } }>(
        CREATE,
        { input: validSchool({ name: 'Sixth Form Too', highestYearGroup: 13 }) },
        hub.tokens.hubAdmin,
      );
      await api.ok(CREATE_PUPIL, { input: { schoolId: s.id, reference: 'Y12-1', yearGroup: 12 } }, hub.tokens.hubAdmin);
      await rejects(UPDATE, { id: s.id, input: { highestYearGroup: 11 } }, hub.tokens.hubAdmin, 'CONFLICT', 'input.highestYearGroup');
      const ok = await api.ok<{ updateSchool: { lowestYearGroup: number } }>(
        UPDATE,
        { id: s.id, input: { lowestYearGroup: 8 } },
        hub.tokens.hubAdmin,
      );
      expect(ok.updateSchool.lowestYearGroup).toBe(8);
    });

    it('archives (hub admins only), hides archived schools from lists unless asked, and keeps the URN taken', async () => {
      const input = validSchool({ name: 'Closing Academy' });
      const { createSchool: s } = await api.ok<{ createSchool: { id: string } }>(CREATE, { input }, hub.tokens.hubAdmin);
      await rejects(ARCHIVE, { id: s.id }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      const done = await api.ok<{ archiveSchool: { archivedAt: string | null } }>(ARCHIVE, { id: s.id }, hub.tokens.hubAdmin);
      expect(done.archiveSchool.archivedAt).not.toBeNull();
      const live = await api.ok<{ schools: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { search: 'closing academy' } },
        hub.tokens.hubAdmin,
      );
      expect(live.schools.nodes).toEqual([]);
      const all = await api.ok<{ schools: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { search: 'closing academy', includeArchived: true } },
        hub.tokens.hubAdmin,
      );
      expect(all.schools.nodes.map((n) => n.id)).toEqual([s.id]);
      await rejects(CREATE, { input: validSchool({ urn: input['urn'] }) }, hub.tokens.hubAdmin, 'ALREADY_EXISTS', 'input.urn');
      await rejects(ARCHIVE, { id: other.schoolA.id }, hub.tokens.hubAdmin, 'NOT_FOUND', 'id');
    });
  });

  describe('pupil counts', () => {
    it('counts pupils on roll per year group with their flags, for those who may see pupils', async () => {
      const { createSchool: s } = await api.ok<{ createSchool: { id: string } }>(
        CREATE,
        { input: validSchool({ name: 'Counted School' }) },
        hub.tokens.hubAdmin,
      );
      const pupils = [
        { reference: 'C1', yearGroup: 7, disadvantaged: true },
        { reference: 'C2', yearGroup: 7, send: true, roniScore: 75 },
        { reference: 'C3', yearGroup: 9, careExperienced: true, roniScore: 20 },
      ];
      for (const p of pupils) await api.ok(CREATE_PUPIL, { input: { schoolId: s.id, ...p } }, hub.tokens.hubAdmin);
      const data = await api.ok<{ schools: { nodes: { id: string; pupilCount: number | null; pupilCounts: unknown[] | null }[] } }>(
        COUNTS,
        { filter: { search: 'counted school' } },
        hub.tokens.coordinator,
      );
      expect(data.schools.nodes).toEqual([
        {
          id: s.id,
          pupilCount: 3,
          pupilCounts: [
            { yearGroup: 7, pupils: 2, disadvantaged: 1, send: 1, careExperienced: 0, atRisk: 1 },
            { yearGroup: 9, pupils: 1, disadvantaged: 0, send: 0, careExperienced: 1, atRisk: 0 },
          ],
        },
      ]);
      // Every school on a page, each with its own numbers (one aggregate query behind a DataLoader).
      const page = await api.ok<{ schools: { nodes: { id: string; pupilCount: number | null }[] } }>(COUNTS, {}, hub.tokens.hubAdmin);
      expect(page.schools.nodes.find((n) => n.id === s.id)?.pupilCount).toBe(3);
      expect(page.schools.nodes.find((n) => n.id === hub.schoolB.id)?.pupilCount).toBe(0);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { TenantContext } from '@tandem/persistence';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';
import { TEST_START } from '@tandem/test-support';

/** Schools' requests and their time windows through the real API, per role. */

const REQUEST = `id schoolId activityType yearGroup pupilCount formats deadline notes status archivedAt windows { startsAt endsAt }`;
const CREATE = `mutation($input: CreateRequestInput!) { createRequest(input: $input) { ${REQUEST} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRequestInput!) { updateRequest(id: $id, input: $input) { ${REQUEST} } }`;
const CANCEL = `mutation($id: ID!) { cancelRequest(id: $id) { id status archivedAt } }`;
const GET = `query($id: ID!) { request(id: $id) { ${REQUEST} } }`;
const LIST = `query($filter: RequestFilter, $first: Int, $after: String) {
  requests(filter: $filter, first: $first, after: $after) { totalCount nodes { id schoolId notes } pageInfo { hasNextPage endCursor } } }`;

/** A whole-hour instant `days` after the API's clock starts (TEST_START), at `hour` UTC. */
const at = (days: number, hour: number): string => {
  const d = new Date(Date.parse(TEST_START) + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const day = (iso: string): string => iso.slice(0, 10);

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('requests', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;

  const validRequest = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    schoolId: hub.schoolA.id,
    activityType: 'mock_interviews',
    yearGroup: 11,
    pupilCount: 30,
    formats: ['in_person_school', 'virtual'],
    windows: [{ startsAt: at(20, 13), endsAt: at(20, 15) }],
    notes: 'Hall booked',
    ...over,
  });

  const count = (table: string): Promise<number> =>
    TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction(async (em) => Number((await em.query(`select count(*)::int as n from ${table}`))[0].n)),
    );
  const snapshot = async (): Promise<unknown[]> => [
    await count('requests'),
    await count('request_windows'),
    ...(await TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction((em) => em.query(`select id, status, notes, year_group, archived_at from requests order by id`)),
    )),
  ];

  async function rejects(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<void> {
    const before = await snapshot();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expectNoLeaks(res);
    expect(await snapshot()).toEqual(before);
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
  });
  afterAll(() => api?.close());

  describe('create, update, cancel', () => {
    it('lets school staff create for their school, coordinators for their cluster, hub admins for any', async () => {
      const staff = await api.ok<{ createRequest: Record<string, unknown> }>(CREATE, { input: validRequest() }, hub.tokens.schoolStaff);
      expect(staff.createRequest).toMatchObject({
        schoolId: hub.schoolA.id,
        yearGroup: 11,
        pupilCount: 30,
        formats: ['in_person_school', 'virtual'],
        status: 'open',
        windows: [{}],
      });
      await api.ok(CREATE, { input: validRequest() }, hub.tokens.coordinator);
      await api.ok(CREATE, { input: validRequest({ schoolId: hub.schoolB.id, yearGroup: 9 }) }, hub.tokens.hubAdmin);
    });

    it('answers NOT_FOUND for a school out of scope, another tenant or unknown, writing nothing', async () => {
      await rejects(
        CREATE,
        { input: validRequest({ schoolId: hub.schoolB.id, yearGroup: 9 }) },
        hub.tokens.schoolStaff,
        'NOT_FOUND',
        'input.schoolId',
      );
      await rejects(
        CREATE,
        { input: validRequest({ schoolId: hub.schoolB.id, yearGroup: 9 }) },
        hub.tokens.coordinator,
        'NOT_FOUND',
        'input.schoolId',
      );
      await rejects(CREATE, { input: validRequest({ schoolId: other.schoolA.id }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input: validRequest({ schoolId: randomUUID() }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.schoolId');
      await rejects(CREATE, { input: validRequest() }, hub.tokens.employerContact, 'NOT_FOUND', 'input.schoolId');
    });

    it.each([
      ['year group 14', { yearGroup: 14 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
      ['year group 6', { yearGroup: 6 }, 'INVALID_YEAR_GROUP', 'input.yearGroup'],
      ['a pupil count of 0', { pupilCount: 0 }, 'INVALID_CAPACITY', 'input.pupilCount'],
      ['a negative pupil count', { pupilCount: -3 }, 'INVALID_CAPACITY', 'input.pupilCount'],
      ['an unknown activity type', { activityType: 'juggling' }, 'INVALID_ENUM_VALUE', 'input.activityType'],
      ['an unknown format', { formats: ['virtual', 'telepathy'] }, 'INVALID_ENUM_VALUE', 'input.formats[1]'],
      ['no formats', { formats: [] }, 'REQUIRED', 'input.formats'],
      ['an empty windows list', { windows: [] }, 'REQUIRED', 'input.windows'],
      [
        'a window ending before it starts',
        { windows: [{ startsAt: at(20, 15), endsAt: at(20, 13) }] },
        'INVALID_WINDOW',
        'input.windows[0].endsAt',
      ],
      [
        'a window ending as it starts',
        { windows: [{ startsAt: at(20, 15), endsAt: at(20, 15) }] },
        'INVALID_WINDOW',
        'input.windows[0].endsAt',
      ],
      [
        'a window in the past',
        {
          windows: [
            { startsAt: at(20, 9), endsAt: at(20, 10) },
            { startsAt: at(-2, 9), endsAt: at(-2, 10) },
          ],
        },
        'INVALID_DATE',
        'input.windows[1].startsAt',
      ],
      [
        'a malformed window date',
        { windows: [{ startsAt: '2026-13-01T10:00:00Z', endsAt: at(20, 10) }] },
        'INVALID_DATE',
        'input.windows[0].startsAt',
      ],
      [
        'a window without a zone',
        { windows: [{ startsAt: '2027-02-03T13:30', endsAt: '2027-02-03T15:00' }] },
        'INVALID_DATE',
        'input.windows[0].startsAt',
      ],
      ['a malformed deadline', { deadline: '31/12/2030' }, 'INVALID_DATE', 'input.deadline'],
      ['a deadline in the past', { deadline: '2020-01-01' }, 'INVALID_DATE', 'input.deadline'],
    ])('refuses %s with its code and field, writing nothing', async (_label, over, code, field) => {
      await rejects(CREATE, { input: validRequest(over) }, hub.tokens.schoolStaff, code, field);
    });

    it('refuses a year group the school does not teach (school B teaches 7–11)', async () => {
      await rejects(
        CREATE,
        { input: validRequest({ schoolId: hub.schoolB.id, yearGroup: 12 }) },
        hub.tokens.hubAdmin,
        'INVALID_YEAR_GROUP',
        'input.yearGroup',
      );
    });

    it('reports several problems at once', async () => {
      const res = await api.gql(CREATE, { input: validRequest({ pupilCount: 0, windows: [] }) }, hub.tokens.schoolStaff);
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.extensions?.details?.map((d) => d.field)).toEqual(['input.pupilCount', 'input.windows']);
    });

    it('updates an open request (windows replaced) and cancels it; then it can no longer change', async () => {
      const { createRequest } = await api.ok<{ createRequest: { id: string } }>(CREATE, { input: validRequest() }, hub.tokens.schoolStaff);
      const { updateRequest } = await api.ok<{ updateRequest: Record<string, unknown> }>(
        UPDATE,
        {
          id: createRequest.id,
          input: {
            pupilCount: 24,
            windows: [
              { startsAt: at(21, 9), endsAt: at(21, 10) },
              { startsAt: at(22, 9), endsAt: at(22, 10) },
            ],
          },
        },
        hub.tokens.coordinator,
      );
      expect(updateRequest).toMatchObject({ pupilCount: 24, yearGroup: 11, notes: 'Hall booked' });
      expect(updateRequest['windows']).toHaveLength(2);
      await rejects(
        UPDATE,
        { id: createRequest.id, input: { notes: 'changed', windows: [] } },
        hub.tokens.schoolStaff,
        'REQUIRED',
        'input.windows',
      );
      await rejects(UPDATE, { id: createRequest.id, input: { notes: 'mine' } }, hub.tokens.coordinatorB, 'NOT_FOUND', 'id');
      const cancelled = await api.ok<{ cancelRequest: { status: string; archivedAt: string | null } }>(
        CANCEL,
        { id: createRequest.id },
        hub.tokens.schoolStaff,
      );
      expect(cancelled.cancelRequest.status).toBe('cancelled');
      expect(cancelled.cancelRequest.archivedAt).not.toBeNull();
      await rejects(UPDATE, { id: createRequest.id, input: { notes: 'too late' } }, hub.tokens.schoolStaff, 'CONFLICT', 'id');
      await rejects(CANCEL, { id: createRequest.id }, hub.tokens.schoolStaff, 'CONFLICT', 'id');
    });
  });

  describe('listing: scope, filters, pagination', () => {
    const created: Record<string, string> = {};
    beforeAll(async () => {
      const make = async (key: string, over: Record<string, unknown>, token = hub.tokens.hubAdmin): Promise<void> => {
        const { createRequest } = await api.ok<{ createRequest: { id: string } }>(
          CREATE,
          { input: validRequest({ notes: `list ${key}`, ...over }) },
          token,
        );
        created[key] = createRequest.id;
      };
      await make('aY8talk', { yearGroup: 8, activityType: 'careers_talk', windows: [{ startsAt: at(60, 9), endsAt: at(60, 10) }] });
      await make('aY10cv', { yearGroup: 10, activityType: 'cv_workshop', windows: [{ startsAt: at(90, 9), endsAt: at(90, 10) }] });
      await make('bY8talk', {
        schoolId: hub.schoolB.id,
        yearGroup: 8,
        activityType: 'careers_talk',
        windows: [{ startsAt: at(60, 13), endsAt: at(60, 14) }],
      });
    });

    const notes = async (token: string, filter: Record<string, unknown> = {}): Promise<string[]> =>
      (await api.ok<{ requests: { nodes: { notes: string }[] } }>(LIST, { filter, first: 100 }, token)).requests.nodes
        .map((n) => n.notes)
        .filter((n) => n?.startsWith('list '))
        .sort();

    it("coordinators see their cluster's requests, school staff their school's, hub admins all", async () => {
      expect(await notes(hub.tokens.coordinator)).toEqual(['list aY10cv', 'list aY8talk']);
      expect(await notes(hub.tokens.coordinatorB)).toEqual(['list bY8talk']);
      expect(await notes(hub.tokens.schoolStaff)).toEqual(['list aY10cv', 'list aY8talk']);
      expect(await notes(hub.tokens.hubAdmin)).toEqual(['list aY10cv', 'list aY8talk', 'list bY8talk']);
      expect(await notes(other.tokens.hubAdmin)).toEqual([]);
      // A coordinator asking for the other cluster gets nothing from it.
      expect(await notes(hub.tokens.coordinator, { clusterId: hub.clusterB.id })).toEqual([]);
      const one = await api.gql(GET, { id: created['bY8talk'] }, hub.tokens.coordinator);
      expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect((await api.gql(GET, { id: created['aY8talk'] }, other.tokens.hubAdmin)).errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
    });

    it('never shows requests to employer contacts', async () => {
      const list = await api.gql(LIST, {}, hub.tokens.employerContact);
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(list.data).toBeNull();
      const one = await api.gql(GET, { id: created['aY8talk'] }, hub.tokens.employerContact);
      expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expectNoLeaks(one);
    });

    it('filters by cluster, school, year group, activity type, status and date range', async () => {
      const token = hub.tokens.hubAdmin;
      expect(await notes(token, { clusterId: hub.clusterB.id })).toEqual(['list bY8talk']);
      expect(await notes(token, { schoolId: hub.schoolA.id, yearGroup: 8 })).toEqual(['list aY8talk']);
      expect(await notes(token, { activityType: 'careers_talk' })).toEqual(['list aY8talk', 'list bY8talk']);
      expect(await notes(token, { dateFrom: day(at(85, 0)), dateTo: day(at(95, 0)) })).toEqual(['list aY10cv']);
      expect(await notes(token, { dateFrom: day(at(60, 0)), dateTo: day(at(60, 0)), yearGroup: 8 })).toEqual([
        'list aY8talk',
        'list bY8talk',
      ]);
      expect(await notes(token, { status: 'open', activityType: 'cv_workshop' })).toEqual(['list aY10cv']);
      expect(await notes(token, { status: 'matched' })).toEqual([]);
      const bad = await api.gql(LIST, { filter: { status: 'pending' } }, token);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ENUM_VALUE', field: 'filter.status' });
      const badDate = await api.gql(LIST, { filter: { dateFrom: '2027-02-30' } }, token);
      expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DATE', field: 'filter.dateFrom' });
    });

    it('pages with no duplicates or gaps', async () => {
      for (let i = 0; i < 9; i++)
        await api.ok(CREATE, { input: validRequest({ notes: `page ${i}`, yearGroup: 13 }) }, hub.tokens.schoolStaff);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data: { requests: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await api.ok(
          LIST,
          { first: 4, after, filter: { yearGroup: 13 } },
          hub.tokens.coordinator,
        );
        seen.push(...data.requests.nodes.map((n) => n.id));
        pages++;
        if (!data.requests.pageInfo.hasNextPage) break;
        after = data.requests.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
    });
  });
});

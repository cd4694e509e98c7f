import { randomUUID } from 'node:crypto';
import { TenantContext } from '@tandem/persistence';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';
import { TEST_START } from '@tandem/test-support';

/** Offers, their availability windows and sessions through the real API, per role. */

const OFFER = `id employerId title activityType format benchmark durationMinutes pupilsPerSession sessionsAvailable yearGroups travelRadiusKm status archivedAt
  availabilityWindows { startsOn endsOn weekdays startTime endTime } sessions { id startsAt endsAt capacity status }`;
const CREATE = `mutation($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveOffer(id: $id) { id status archivedAt } }`;
const ADD_SESSION = `mutation($offerId: ID!, $input: OfferSessionInput!) { addOfferSession(offerId: $offerId, input: $input) { id capacity status } }`;
const CANCEL_SESSION = `mutation($id: ID!) { cancelOfferSession(id: $id) { id status } }`;
const GET = `query($id: ID!) { offer(id: $id) { ${OFFER} employer { id name } } }`;
const LIST = `query($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) { totalCount nodes { id title status } pageInfo { hasNextPage endCursor } } }`;

const future = (days: number, hour = 10): string => {
  const d = new Date(Date.parse(TEST_START) + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('offers', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;

  const validOffer = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    employerId: hub.employer.id,
    title: 'Mock interviews with engineers',
    activityType: 'mock_interviews',
    format: 'in_person_school',
    durationMinutes: 90,
    pupilsPerSession: 30,
    sessionsAvailable: 3,
    yearGroups: [11, 10],
    travelRadiusKm: 15,
    status: 'published',
    availabilityWindows: [{ startsOn: '2026-01-05', endsOn: '2026-03-27', weekdays: [2, 4], startTime: '13:30', endTime: '15:00' }],
    sessions: [{ startsAt: future(30, 13), endsAt: future(30, 15), capacity: 25 }],
    ...over,
  });

  const count = (table: string): Promise<number> =>
    TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction(async (em) => Number((await em.query(`select count(*)::int as n from ${table}`))[0].n)),
    );
  const counts = async (): Promise<number[]> => [
    await count('offers'),
    await count('offer_availability_windows'),
    await count('offer_sessions'),
  ];

  /** Expects code + field, no leaks, and no row written to offers, windows or sessions. */
  async function rejects(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<void> {
    const before = await counts();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expectNoLeaks(res);
    expect(await counts()).toEqual(before);
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
  });
  afterAll(() => api?.close());

  describe('create and edit', () => {
    it('lets the employer contact create its own offer with windows and sessions; benchmark is derived', async () => {
      const { createOffer } = await api.ok<{ createOffer: Record<string, unknown> }>(
        CREATE,
        { input: validOffer() },
        hub.tokens.employerContact,
      );
      expect(createOffer).toMatchObject({
        employerId: hub.employer.id,
        benchmark: 5,
        yearGroups: [10, 11],
        travelRadiusKm: 15,
        status: 'published',
        availabilityWindows: [{ startsOn: '2026-01-05', endsOn: '2026-03-27', weekdays: [2, 4], startTime: '13:30', endTime: '15:00' }],
        sessions: [{ capacity: 25, status: 'open' }],
      });
      const tour = await api.ok<{ createOffer: { benchmark: number; availabilityWindows: { weekdays: number[] }[] } }>(
        CREATE,
        {
          input: validOffer({
            activityType: 'virtual_workplace_tour',
            format: 'virtual',
            travelRadiusKm: null,
            availabilityWindows: [{ startsOn: '2026-01-05', endsOn: '2026-01-05', startTime: '09:00', endTime: '09:20' }],
            sessions: [],
          }),
        },
        hub.tokens.coordinator,
      );
      expect(tour.createOffer.benchmark).toBe(6);
      expect(tour.createOffer.availabilityWindows[0].weekdays).toEqual([1, 2, 3, 4, 5]);
    });

    it('refuses school staff (FORBIDDEN) and an employer contact for another employer (NOT_FOUND), writing nothing', async () => {
      await rejects(CREATE, { input: validOffer() }, hub.tokens.schoolStaff, 'FORBIDDEN');
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        `mutation { createEmployer(input: { name: "Elsewhere", sector: "retail", sizeBand: "micro" }) { id } }`,
        {},
        hub.tokens.hubAdmin,
      );
      await rejects(
        CREATE,
        { input: validOffer({ employerId: createEmployer.id }) },
        hub.tokens.employerContact,
        'NOT_FOUND',
        'input.employerId',
      );
      await rejects(CREATE, { input: validOffer({ employerId: other.employer.id }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.employerId');
      await rejects(CREATE, { input: validOffer({ employerId: randomUUID() }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.employerId');
      await rejects(CREATE, { input: validOffer({ contactId: randomUUID() }) }, hub.tokens.hubAdmin, 'NOT_FOUND', 'input.contactId');
    });

    it.each([
      ['negative capacity', { pupilsPerSession: -5 }, 'INVALID_CAPACITY', 'input.pupilsPerSession'],
      ['capacity 0', { pupilsPerSession: 0 }, 'INVALID_CAPACITY', 'input.pupilsPerSession'],
      ['no sessions available', { sessionsAvailable: 0 }, 'INVALID_CAPACITY', 'input.sessionsAvailable'],
      [
        'a session of capacity 0',
        { sessions: [{ startsAt: future(5), endsAt: future(5, 11), capacity: 0 }] },
        'INVALID_CAPACITY',
        'input.sessions[0].capacity',
      ],
      [
        'a session bigger than the offer',
        { sessions: [{ startsAt: future(5), endsAt: future(5, 11), capacity: 31 }] },
        'INVALID_CAPACITY',
        'input.sessions[0].capacity',
      ],
      [
        'a session ending before it starts',
        { sessions: [{ startsAt: future(5, 12), endsAt: future(5, 11) }] },
        'INVALID_WINDOW',
        'input.sessions[0].endsAt',
      ],
      [
        'a session in the past',
        { sessions: [{ startsAt: future(-5, 10), endsAt: future(-5, 11) }] },
        'INVALID_DATE',
        'input.sessions[0].startsAt',
      ],
      [
        'a malformed session time',
        { sessions: [{ startsAt: 'tomorrow', endsAt: future(5, 11) }] },
        'INVALID_DATE',
        'input.sessions[0].startsAt',
      ],
      [
        'more sessions than available',
        {
          sessionsAvailable: 1,
          sessions: [
            { startsAt: future(5), endsAt: future(5, 11) },
            { startsAt: future(6), endsAt: future(6, 11) },
          ],
        },
        'INVALID_CAPACITY',
        'input.sessions',
      ],
      [
        'a window ending before it starts (time)',
        { availabilityWindows: [{ startsOn: '2026-01-05', endsOn: '2026-01-09', startTime: '15:00', endTime: '13:30' }] },
        'INVALID_WINDOW',
        'input.availabilityWindows[0].endTime',
      ],
      [
        'a window ending before it starts (dates)',
        { availabilityWindows: [{ startsOn: '2026-02-05', endsOn: '2026-01-09', startTime: '13:00', endTime: '14:00' }] },
        'INVALID_WINDOW',
        'input.availabilityWindows[0].endsOn',
      ],
      [
        'an impossible window date',
        { availabilityWindows: [{ startsOn: '2026-02-30', endsOn: '2026-03-09', startTime: '13:00', endTime: '14:00' }] },
        'INVALID_DATE',
        'input.availabilityWindows[0].startsOn',
      ],
      [
        'a malformed window time',
        { availabilityWindows: [{ startsOn: '2026-02-02', endsOn: '2026-03-09', startTime: '1pm', endTime: '14:00' }] },
        'INVALID_TIME',
        'input.availabilityWindows[0].startTime',
      ],
      [
        'weekday 8',
        { availabilityWindows: [{ startsOn: '2026-02-02', endsOn: '2026-03-09', weekdays: [8], startTime: '13:00', endTime: '14:00' }] },
        'INVALID_NUMBER',
        'input.availabilityWindows[0].weekdays[0]',
      ],
      ['year group 14', { yearGroups: [10, 14] }, 'INVALID_YEAR_GROUP', 'input.yearGroups[1]'],
      ['year group 6', { yearGroups: [6] }, 'INVALID_YEAR_GROUP', 'input.yearGroups[0]'],
      ['no year groups', { yearGroups: [] }, 'REQUIRED', 'input.yearGroups'],
      ['an unknown activity type', { activityType: 'juggling' }, 'INVALID_ENUM_VALUE', 'input.activityType'],
      ['an unknown format', { format: 'hologram' }, 'INVALID_ENUM_VALUE', 'input.format'],
      ['an unknown status', { status: 'live' }, 'INVALID_ENUM_VALUE', 'input.status'],
      ['an in-school visit without a travel radius', { travelRadiusKm: null }, 'REQUIRED', 'input.travelRadiusKm'],
      ['a negative travel radius', { travelRadiusKm: -1 }, 'INVALID_NUMBER', 'input.travelRadiusKm'],
      ['a blank title', { title: ' ' }, 'INVALID_TEXT', 'input.title'],
    ])('refuses %s with its code and field, writing nothing', async (_label, over, code, field) => {
      await rejects(CREATE, { input: validOffer(over) }, hub.tokens.hubAdmin, code, field);
    });

    it('updates given fields, replaces windows, and re-derives the benchmark; contacts edit only their own', async () => {
      const { createOffer } = await api.ok<{ createOffer: { id: string } }>(
        CREATE,
        { input: validOffer({ status: 'draft' }) },
        hub.tokens.employerContact,
      );
      const { updateOffer } = await api.ok<{ updateOffer: Record<string, unknown> }>(
        UPDATE,
        {
          id: createOffer.id,
          input: {
            activityType: 'workplace_visit',
            format: 'in_person_workplace',
            availabilityWindows: [{ startsOn: '2026-04-13', endsOn: '2026-04-17', startTime: '10:00', endTime: '12:00' }],
          },
        },
        hub.tokens.employerContact,
      );
      expect(updateOffer).toMatchObject({
        benchmark: 6,
        title: 'Mock interviews with engineers',
        availabilityWindows: [{ startsOn: '2026-04-13', endTime: '12:00' }],
      });
      // A bad update changes nothing, windows included.
      await rejects(
        UPDATE,
        {
          id: createOffer.id,
          input: {
            title: 'New',
            availabilityWindows: [{ startsOn: '2026-04-13', endsOn: '2026-04-17', startTime: '12:00', endTime: '10:00' }],
          },
        },
        hub.tokens.hubAdmin,
        'INVALID_WINDOW',
        'input.availabilityWindows[0].endTime',
      );
      const after = await api.ok<{ offer: { title: string; availabilityWindows: unknown[] } }>(
        GET,
        { id: createOffer.id },
        hub.tokens.hubAdmin,
      );
      expect(after.offer).toMatchObject({ title: 'Mock interviews with engineers', availabilityWindows: [{ startsOn: '2026-04-13' }] });
      await rejects(UPDATE, { id: createOffer.id, input: { title: 'Mine' } }, hub.tokens.schoolStaff, 'NOT_FOUND', 'id'); // a draft: school staff cannot see it
      await rejects(UPDATE, { id: createOffer.id, input: { title: 'Mine' } }, other.tokens.hubAdmin, 'NOT_FOUND', 'id');
    });

    it('adds and cancels sessions within the capacity and number of sessions', async () => {
      const { createOffer } = await api.ok<{ createOffer: { id: string } }>(
        CREATE,
        { input: validOffer({ sessionsAvailable: 2 }) },
        hub.tokens.employerContact,
      );
      const added = await api.ok<{ addOfferSession: { id: string; capacity: number } }>(
        ADD_SESSION,
        { offerId: createOffer.id, input: { startsAt: future(40, 9), endsAt: future(40, 10) } },
        hub.tokens.employerContact,
      );
      expect(added.addOfferSession.capacity).toBe(30);
      await rejects(
        ADD_SESSION,
        { offerId: createOffer.id, input: { startsAt: future(41, 9), endsAt: future(41, 10) } },
        hub.tokens.employerContact,
        'INVALID_CAPACITY',
        'offerId',
      );
      await rejects(
        ADD_SESSION,
        { offerId: createOffer.id, input: { startsAt: future(41, 9), endsAt: future(41, 10), capacity: -1 } },
        hub.tokens.employerContact,
        'INVALID_CAPACITY',
        'input.capacity',
      );
      await api.ok(CANCEL_SESSION, { id: added.addOfferSession.id }, hub.tokens.employerContact);
      await api.ok(
        ADD_SESSION,
        { offerId: createOffer.id, input: { startsAt: future(41, 9), endsAt: future(41, 10) } },
        hub.tokens.employerContact,
      );
      await rejects(
        ADD_SESSION,
        { offerId: createOffer.id, input: { startsAt: future(42, 9), endsAt: future(42, 10) } },
        hub.tokens.schoolStaff,
        'FORBIDDEN',
      );
    });

    it('archives: out of lists and out of school staff sight', async () => {
      const { createOffer } = await api.ok<{ createOffer: { id: string } }>(
        CREATE,
        { input: validOffer({ title: 'Soon gone' }) },
        hub.tokens.employerContact,
      );
      const res = await api.ok<{ archiveOffer: { status: string; archivedAt: string } }>(
        ARCHIVE,
        { id: createOffer.id },
        hub.tokens.employerContact,
      );
      expect(res.archiveOffer.status).toBe('archived');
      const list = await api.ok<{ offers: { nodes: { id: string }[] } }>(LIST, { first: 100 }, hub.tokens.hubAdmin);
      expect(list.offers.nodes.map((n) => n.id)).not.toContain(createOffer.id);
      const withArchived = await api.ok<{ offers: { nodes: { id: string }[] } }>(
        LIST,
        { first: 100, filter: { includeArchived: true } },
        hub.tokens.hubAdmin,
      );
      expect(withArchived.offers.nodes.map((n) => n.id)).toContain(createOffer.id);
      expect((await api.fails(GET, { id: createOffer.id }, hub.tokens.schoolStaff)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
    });
  });

  describe('listing: scope, filters, pagination and batching', () => {
    let secondEmployerId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        `mutation { createEmployer(input: { name: "Second Co", sector: "finance", sizeBand: "large" }) { id } }`,
        {},
        hub.tokens.hubAdmin,
      );
      secondEmployerId = createEmployer.id;
      const make = async (key: string, over: Record<string, unknown>, token = hub.tokens.coordinator): Promise<void> => {
        const { createOffer } = await api.ok<{ createOffer: { id: string } }>(
          CREATE,
          { input: validOffer({ title: `List ${key}`, sessions: [], ...over }) },
          token,
        );
        ids[key] = createOffer.id;
      };
      await make('cvY7Jan', {
        activityType: 'cv_workshop',
        format: 'virtual',
        travelRadiusKm: null,
        yearGroups: [7],
        availabilityWindows: [{ startsOn: '2027-01-04', endsOn: '2027-01-29', startTime: '10:00', endTime: '11:00' }],
      });
      await make('cvY12Mar', {
        activityType: 'cv_workshop',
        format: 'virtual',
        travelRadiusKm: null,
        yearGroups: [12, 13],
        availabilityWindows: [{ startsOn: '2027-03-01', endsOn: '2027-03-05', startTime: '10:00', endTime: '11:00' }],
      });
      await make('talkDraft', {
        activityType: 'careers_talk',
        status: 'draft',
        employerId: secondEmployerId,
        yearGroups: [7, 8, 9],
        availabilityWindows: [],
      });
      await make('talkSession', {
        activityType: 'careers_talk',
        employerId: secondEmployerId,
        yearGroups: [9],
        availabilityWindows: [],
        sessions: [{ startsAt: '2027-06-15T09:00:00Z', endsAt: '2027-06-15T10:00:00Z' }],
      });
    });

    it('school staff see published offers only; an employer contact sees only its own employer’s', async () => {
      const staff = await api.ok<{ offers: { nodes: { id: string; status: string }[] } }>(LIST, { first: 100 }, hub.tokens.schoolStaff);
      expect(staff.offers.nodes.length).toBeGreaterThan(0);
      expect(staff.offers.nodes.every((n) => n.status === 'published')).toBe(true);
      expect(staff.offers.nodes.map((n) => n.id)).not.toContain(ids['talkDraft']);
      const contact = await api.ok<{ offers: { nodes: { id: string }[] } }>(
        `query { offers(first: 100) { nodes { id employerId } } }`,
        {},
        hub.tokens.employerContact,
      );
      expect((contact.offers.nodes as unknown as { employerId: string }[]).every((n) => n.employerId === hub.employer.id)).toBe(true);
      expect(contact.offers.nodes.map((n) => n.id)).not.toContain(ids['talkSession']);
      expect((await api.fails(GET, { id: ids['talkSession'] }, hub.tokens.employerContact)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      const foreign = await api.ok<{ offers: { totalCount: number } }>(LIST, { first: 100 }, other.tokens.hubAdmin);
      expect(foreign.offers.totalCount).toBe(0);
    });

    it('filters by activity type, format, year group, employer, status and date range', async () => {
      const titles = async (filter: Record<string, unknown>): Promise<string[]> =>
        (await api.ok<{ offers: { nodes: { title: string }[] } }>(LIST, { filter, first: 100 }, hub.tokens.coordinator)).offers.nodes
          .map((n) => n.title)
          .sort();
      expect(await titles({ activityType: 'cv_workshop' })).toEqual(['List cvY12Mar', 'List cvY7Jan']);
      expect(await titles({ activityType: 'cv_workshop', yearGroup: 12 })).toEqual(['List cvY12Mar']);
      expect(await titles({ activityType: 'cv_workshop', dateFrom: '2027-01-20', dateTo: '2027-02-10' })).toEqual(['List cvY7Jan']);
      expect(await titles({ dateFrom: '2027-06-15', dateTo: '2027-06-15' })).toEqual(['List talkSession']);
      expect(await titles({ employerId: secondEmployerId })).toEqual(['List talkDraft', 'List talkSession']);
      expect(await titles({ employerId: secondEmployerId, status: 'draft' })).toEqual(['List talkDraft']);
      expect(await titles({ format: 'virtual', yearGroup: 7 })).toEqual(['List cvY7Jan']);
      const bad = await api.gql(LIST, { filter: { yearGroup: 14 } }, hub.tokens.coordinator);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_YEAR_GROUP', field: 'filter.yearGroup' });
      const badRange = await api.gql(LIST, { filter: { dateFrom: '2027-02-01', dateTo: '2027-01-01' } }, hub.tokens.coordinator);
      expect(badRange.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_WINDOW', field: 'filter.dateTo' });
      const badType = await api.gql(LIST, { filter: { activityType: 'juggling' } }, hub.tokens.coordinator);
      expect(badType.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ENUM_VALUE', field: 'filter.activityType' });
    });

    it('batches employer, windows and sessions: the query count does not grow with the list (50 offers)', async () => {
      // 50 offers over 10 employers.
      const employerIds: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
          `mutation($name: String!) { createEmployer(input: { name: $name, sector: "digital", sizeBand: "sme" }) { id } }`,
          { name: `Batch ${i}` },
          hub.tokens.hubAdmin,
        );
        employerIds.push(createEmployer.id);
      }
      for (let i = 0; i < 50; i++) {
        await api.ok(
          CREATE,
          { input: validOffer({ title: `Batch offer ${i}`, employerId: employerIds[i % 10], activityType: 'enterprise_challenge' }) },
          hub.tokens.hubAdmin,
        );
      }
      const QUERY = `query($first: Int) { offers(first: $first, filter: { activityType: "enterprise_challenge" }) {
        nodes { id employer { id name } availabilityWindows { startsOn } sessions { id } } } }`;
      // Count every SQL statement the API's pool runs while answering (TypeORM calls logQuery for each).
      const logger = api.db.appDataSource.logger;
      const original = logger.logQuery.bind(logger);
      let statements = 0;
      logger.logQuery = (...args: Parameters<typeof original>) => {
        statements++;
        return original(...args);
      };
      try {
        const measure = async (first: number): Promise<number> => {
          statements = 0;
          const data = await api.ok<{ offers: { nodes: { employer: { name: string } }[] } }>(QUERY, { first }, hub.tokens.coordinator);
          expect(data.offers.nodes).toHaveLength(first);
          expect(data.offers.nodes.every((n) => n.employer.name.startsWith('Batch'))).toBe(true);
          return statements;
        };
        const small = await measure(5);
        const large = await measure(50);
        // Several statements (transaction, set_config, list, count, three batched relations), never per row.
        expect(small).toBeGreaterThanOrEqual(4);
        expect(large).toBe(small);
      } finally {
        logger.logQuery = original;
      }
    });

    it('pages through 50+ offers with no duplicates or gaps', async () => {
      const all = await api.ok<{ offers: { totalCount: number } }>(
        LIST,
        { first: 1, filter: { activityType: 'enterprise_challenge' } },
        hub.tokens.hubAdmin,
      );
      expect(all.offers.totalCount).toBe(50);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const data: { offers: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await api.ok(
          LIST,
          { first: 7, after, filter: { activityType: 'enterprise_challenge' } },
          hub.tokens.hubAdmin,
        );
        seen.push(...data.offers.nodes.map((n) => n.id));
        if (!data.offers.pageInfo.hasNextPage) break;
        after = data.offers.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(50);
      expect(new Set(seen).size).toBe(50);
    });
  });
});

import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type TestApi } from '../src/testing/test-api';

/**
 * Issue 16: the SQL statements a list request runs do not grow with the list (DataLoaders batch every
 * relation; no query per row), and a read request runs in one transaction, however many resolvers it
 * has. Each list is asked for at 5 and at 50 rows (two hubs in one database) and the statements that
 * reach PostgreSQL through TypeORM are counted (begin, set_config and commit included).
 */
describe('statements per list request (issue 16)', () => {
  let api: TestApi;
  const hubs = new Map<number, HubFixture>();
  let statements: string[] = [];

  /** n more schools in cluster A, n offers with two sessions and a window each, n requests with a window, n pupils in school A. */
  async function grow(hub: HubFixture, n: number): Promise<void> {
    const owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
    try {
      const t = hub.tenantId;
      await owner.query(
        `insert into schools (tenant_id, cluster_id, urn, name, phase, lowest_year_group, highest_year_group)
         select $1, $2, (200000 + i)::text, 'School ' || i, 'secondary', 7, 11 from generate_series(1, $3) i`,
        [t, hub.clusterA.id, n],
      );
      await owner.query(
        `insert into offers (tenant_id, employer_id, title, activity_type, format, duration_minutes, pupils_per_session, sessions_available, year_groups, benchmark, status)
         select $1, $2, 'Offer ' || i, 'careers_talk', 'virtual', 60, 30, 2, '{10,11}', 5, 'published' from generate_series(1, $3) i`,
        [t, hub.employer.id, n],
      );
      await owner.query(
        `insert into offer_sessions (tenant_id, offer_id, starts_at, ends_at, capacity)
         select $1, o.id, '2027-02-03 13:30+00'::timestamptz + k * interval '1 day', '2027-02-03 14:30+00'::timestamptz + k * interval '1 day', 30
           from offers o cross join generate_series(0, 1) k where o.tenant_id = $1`,
        [t],
      );
      await owner.query(
        `insert into offer_availability_windows (tenant_id, offer_id, starts_on, ends_on, weekdays, start_time, end_time)
         select $1, o.id, '2027-01-05', '2027-03-27', '{2,4}', '13:30', '15:00' from offers o where o.tenant_id = $1`,
        [t],
      );
      await owner.query(
        `insert into requests (tenant_id, school_id, activity_type, year_group, pupil_count, formats, created_by_user_id)
         select $1, $2, 'cv_workshop', 10, 20, '{virtual}', $3 from generate_series(1, $4) i`,
        [t, hub.schoolA.id, hub.principals.hubAdmin.userId, n],
      );
      await owner.query(
        `insert into request_windows (tenant_id, request_id, starts_at, ends_at)
         select $1, r.id, '2027-02-03 13:30+00', '2027-02-03 15:00+00' from requests r where r.tenant_id = $1`,
        [t],
      );
      await owner.query(
        `insert into pupils (tenant_id, school_id, reference, year_group) select $1, $2, 'P' || lpad(i::text, 4, '0'), 7 + i % 5 from generate_series(1, $3) i`,
        [t, hub.schoolA.id, n],
      );
    } finally {
      await owner.end();
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    for (const n of [5, 50]) {
      const hub = await createHubFixture(api, `list${n}`);
      await grow(hub, n);
      hubs.set(n, hub);
    }
    const query = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      statements.push(String(args[0]));
      return query.apply(this, args);
    });
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  const LISTS: Array<{
    name: string;
    rows: (n: number) => number;
    query: (hub: HubFixture) => [string, Record<string, unknown>];
    count: (data: Record<string, unknown>) => number;
  }> = [
    {
      name: 'schools with pupil counts',
      rows: (n) => n + 2, // and the fixture's two schools
      query: () => ['{ schools(first: 100) { totalCount nodes { id name pupilCount pupilCounts { yearGroup pupils } } } }', {}],
      count: (d) => (d['schools'] as { nodes: unknown[] }).nodes.length,
    },
    {
      name: 'offers with employer, sessions and windows',
      rows: (n) => n,
      query: () => [
        '{ offers(first: 100) { totalCount nodes { id title employer { name } sessions { id startsAt } availabilityWindows { startTime } } } }',
        {},
      ],
      count: (d) => (d['offers'] as { nodes: unknown[] }).nodes.length,
    },
    {
      name: 'requests with windows',
      rows: (n) => n,
      query: () => ['{ requests(first: 100) { totalCount nodes { id yearGroup windows { startsAt endsAt } } } }', {}],
      count: (d) => (d['requests'] as { nodes: unknown[] }).nodes.length,
    },
    {
      name: 'pupils with year group and school',
      rows: (n) => n,
      query: (hub) => [
        'query($s: ID!) { pupils(schoolId: $s, first: 100) { totalCount nodes { id reference yearGroup atRisk school { name } } } }',
        { s: hub.schoolA.id },
      ],
      count: (d) => (d['pupils'] as { nodes: unknown[] }).nodes.length,
    },
  ];

  it.each(LISTS.map((l) => [l.name, l] as const))(
    '%s: the same statements at 5 and at 50 rows, in one transaction',
    async (_name, list) => {
      const counts: number[] = [];
      for (const n of [5, 50]) {
        const hub = hubs.get(n) as HubFixture;
        const [query, variables] = list.query(hub);
        statements = [];
        const res = await api.gql<Record<string, unknown>>(query, variables, hub.tokens.hubAdmin);
        expect(res.errors).toBeUndefined();
        expect(list.count(res.data as Record<string, unknown>)).toBe(list.rows(n));
        // One transaction for the whole read, whatever number of resolvers and loaders ran in it.
        expect(statements.filter((s) => /^start transaction/i.test(s))).toHaveLength(1);
        expect(statements.filter((s) => /^commit/i.test(s))).toHaveLength(1);
        counts.push(statements.length);
      }
      expect(counts[1]).toBe(counts[0]);
    },
  );

  it('keeps a transaction per mutation resolver, so a failed one rolls back alone', async () => {
    const hub = hubs.get(5) as HubFixture;
    statements = [];
    const res = await api.gql(
      `mutation($a: ClusterInput!, $b: ClusterInput!) { a: createCluster(input: $a) { id } b: createCluster(input: $b) { id } }`,
      { a: { name: 'East cluster' }, b: { name: 'West cluster' } },
      hub.tokens.hubAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(statements.filter((s) => /^start transaction/i.test(s))).toHaveLength(2);
  });
});

import { randomUUID } from 'node:crypto';
import { TenantContext } from '@tandem/persistence';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/** Employers, their contacts and vetting through the real API, per role. */

const EMPLOYER = `id name sector sizeBand postcode latitude longitude website maxRequestsPerMonth archivedAt`;
const CREATE = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { ${EMPLOYER} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEmployerInput!) { updateEmployer(id: $id, input: $input) { ${EMPLOYER} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveEmployer(id: $id) { id archivedAt } }`;
const GET = `query($id: ID!) { employer(id: $id) { ${EMPLOYER} } }`;
const LIST = `query($filter: EmployerFilter, $first: Int, $after: String) {
  employers(filter: $filter, first: $first, after: $after) { totalCount nodes { id name } edges { cursor } pageInfo { hasNextPage endCursor } } }`;
const ADD_CONTACT = `mutation($employerId: ID!, $input: EmployerContactInput!) { addEmployerContact(employerId: $employerId, input: $input) { id employerId name email dbsStatus dbsCheckedOn } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: UpdateEmployerContactInput!) { updateEmployerContact(id: $id, input: $input) { id email name } }`;
const ARCHIVE_CONTACT = `mutation($id: ID!) { archiveEmployerContact(id: $id) { id archivedAt } }`;
const RECORD_VETTING = `mutation($employerId: ID!, $input: VettingCheckInput!) { recordVettingCheck(employerId: $employerId, input: $input) { id kind checkedOn expiresOn outcome } }`;
const VETTING = `query($id: ID!, $on: String) { employer(id: $id) { id vettingChecks { id kind outcome } vettingStatus(onDate: $on) { onDate vetted missingKinds validUntil } } }`;

const validEmployer = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Kirkgate Digital',
  sector: 'digital',
  sizeBand: 'sme',
  postcode: 'ls1 6ab',
  latitude: 53.8,
  longitude: -1.54,
  website: 'https://kirkgate.example.org',
  maxRequestsPerMonth: 3,
  ...over,
});

/** No stack trace, file path or SQL in anything the client sees. */
function expectNoLeaks(res: GqlResult<unknown>): void {
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i);
}

describe('employers', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;

  const count = (tenantId: string, table: string): Promise<number> =>
    TenantContext.run({ tenantId, actorUserId: null }, () =>
      api.db.tenantDb.transaction(async (em) => Number((await em.query(`select count(*)::int as n from ${table}`))[0].n)),
    );

  /** Expects the mutation to fail with code + field, leak nothing, and leave `table` as it was. */
  async function rejects(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    code: string,
    field: string | undefined,
    table: string,
  ): Promise<void> {
    const before = await count(hub.tenantId, table);
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expectNoLeaks(res);
    expect(await count(hub.tenantId, table)).toBe(before);
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
  });
  afterAll(() => api?.close());

  describe('create, update, archive', () => {
    it('lets a hub admin and a coordinator create employers, normalising the postcode', async () => {
      const a = await api.ok<{ createEmployer: Record<string, unknown> }>(CREATE, { input: validEmployer() }, hub.tokens.hubAdmin);
      expect(a.createEmployer).toMatchObject({
        name: 'Kirkgate Digital',
        sector: 'digital',
        sizeBand: 'sme',
        postcode: 'LS1 6AB',
        latitude: 53.8,
        maxRequestsPerMonth: 3,
        archivedAt: null,
      });
      const b = await api.ok<{ createEmployer: Record<string, unknown> }>(
        CREATE,
        { input: validEmployer({ name: 'Coordinator Co', maxRequestsPerMonth: 0 }) },
        hub.tokens.coordinator,
      );
      expect(b.createEmployer).toMatchObject({ name: 'Coordinator Co', maxRequestsPerMonth: 0 });
    });

    it('refuses creation by school staff and employer contacts (FORBIDDEN) and writes nothing', async () => {
      await rejects(CREATE, { input: validEmployer() }, hub.tokens.schoolStaff, 'FORBIDDEN', undefined, 'employers');
      await rejects(CREATE, { input: validEmployer() }, hub.tokens.employerContact, 'FORBIDDEN', undefined, 'employers');
    });

    it.each([
      ['blank name', { name: '  ' }, 'INVALID_TEXT', 'input.name'],
      ['sector outside the vocabulary', { sector: 'astrology' }, 'INVALID_ENUM_VALUE', 'input.sector'],
      ['unknown size band', { sizeBand: 'huge' }, 'INVALID_ENUM_VALUE', 'input.sizeBand'],
      ['malformed postcode', { postcode: 'NOT A CODE' }, 'INVALID_POSTCODE', 'input.postcode'],
      ['latitude 91', { latitude: 91 }, 'INVALID_COORDINATES', 'input.latitude'],
      ['longitude -181', { longitude: -181 }, 'INVALID_COORDINATES', 'input.longitude'],
      ['latitude without longitude', { longitude: null }, 'INVALID_COORDINATES', 'input.longitude'],
      ['website that is not a URL', { website: 'kirkgate dot com' }, 'INVALID_URL', 'input.website'],
      ['website with another scheme', { website: 'ftp://kirkgate.example.org' }, 'INVALID_URL', 'input.website'],
      ['negative contact limit', { maxRequestsPerMonth: -1 }, 'INVALID_NUMBER', 'input.maxRequestsPerMonth'],
    ])('refuses %s with its code and field, writing nothing', async (_label, over, code, field) => {
      await rejects(CREATE, { input: validEmployer(over) }, hub.tokens.hubAdmin, code, field, 'employers');
    });

    it('refuses a fractional contact limit at the GraphQL boundary, naming the field', async () => {
      await rejects(
        CREATE,
        { input: validEmployer({ maxRequestsPerMonth: 1.5 }) },
        hub.tokens.hubAdmin,
        'BAD_REQUEST',
        'input.maxRequestsPerMonth',
        'employers',
      );
    });

    it('reports several problems at once as VALIDATION_FAILED with details', async () => {
      const res = await api.gql(CREATE, { input: validEmployer({ name: '', postcode: 'X', website: 'nope' }) }, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.extensions?.details?.map((d) => d.field).sort()).toEqual(['input.name', 'input.postcode', 'input.website']);
    });

    it('updates only the fields given; the employer contact may edit its own employer only', async () => {
      const own = await api.ok<{ updateEmployer: Record<string, unknown> }>(
        UPDATE,
        { id: hub.employer.id, input: { website: 'https://aire.example.org' } },
        hub.tokens.employerContact,
      );
      expect(own.updateEmployer).toMatchObject({ name: 'Aire Engineering Ltd', website: 'https://aire.example.org' });
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        CREATE,
        { input: validEmployer({ name: 'Not yours' }) },
        hub.tokens.hubAdmin,
      );
      const err = await api.fails(UPDATE, { id: createEmployer.id, input: { name: 'Mine now' } }, hub.tokens.employerContact);
      expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      const bad = await api.gql(UPDATE, { id: hub.employer.id, input: { website: 'http://' } }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_URL', field: 'input.website' });
      const after = await api.ok<{ employer: { website: string } }>(GET, { id: hub.employer.id }, hub.tokens.hubAdmin);
      expect(after.employer.website).toBe('https://aire.example.org');
    });

    it('archives (coordinator), hides archived from lists unless asked, and refuses archive by the employer itself', async () => {
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        CREATE,
        { input: validEmployer({ name: 'Short-lived Ltd' }) },
        hub.tokens.hubAdmin,
      );
      const denied = await api.fails(ARCHIVE, { id: hub.employer.id }, hub.tokens.employerContact);
      expect(denied.extensions?.code).toBe('FORBIDDEN');
      const done = await api.ok<{ archiveEmployer: { archivedAt: string | null } }>(
        ARCHIVE,
        { id: createEmployer.id },
        hub.tokens.coordinator,
      );
      expect(done.archiveEmployer.archivedAt).not.toBeNull();
      const live = await api.ok<{ employers: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { search: 'short-lived' } },
        hub.tokens.hubAdmin,
      );
      expect(live.employers.nodes).toEqual([]);
      const all = await api.ok<{ employers: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { search: 'short-lived', includeArchived: true } },
        hub.tokens.hubAdmin,
      );
      expect(all.employers.nodes.map((n) => n.id)).toEqual([createEmployer.id]);
    });
  });

  describe('scope', () => {
    it('shows an employer contact only its own employer; everyone else in the hub sees all', async () => {
      const mine = await api.ok<{ employers: { totalCount: number; nodes: { id: string }[] } }>(
        LIST,
        { first: 100 },
        hub.tokens.employerContact,
      );
      expect(mine.employers.nodes.map((n) => n.id)).toEqual([hub.employer.id]);
      expect(mine.employers.totalCount).toBe(1);
      for (const role of ['hubAdmin', 'coordinator', 'schoolStaff'] as const) {
        const all = await api.ok<{ employers: { totalCount: number } }>(LIST, { first: 100 }, hub.tokens[role]);
        expect(all.employers.totalCount).toBeGreaterThan(1);
      }
    });

    it('answers NOT_FOUND for another employer, another tenant or an unknown id', async () => {
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        CREATE,
        { input: validEmployer({ name: 'Hidden Ltd' }) },
        hub.tokens.hubAdmin,
      );
      for (const [id, token] of [
        [createEmployer.id, hub.tokens.employerContact],
        [other.employer.id, hub.tokens.hubAdmin],
        [randomUUID(), hub.tokens.coordinator],
        ['not-a-uuid', hub.tokens.coordinator],
      ] as const) {
        const res = await api.gql(GET, { id }, token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
        expectNoLeaks(res);
      }
      // Writes to another tenant's employer look the same, and change nothing.
      await rejects(UPDATE, { id: other.employer.id, input: { name: 'Hijacked' } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'id', 'employers');
      const theirs = await api.ok<{ employer: { name: string } }>(GET, { id: other.employer.id }, other.tokens.hubAdmin);
      expect(theirs.employer.name).toBe('Aire Engineering Ltd');
    });
  });

  describe('list filters and pagination', () => {
    let sectorIds: string[];
    beforeAll(async () => {
      sectorIds = [];
      for (let i = 0; i < 7; i++) {
        const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
          CREATE,
          { input: validEmployer({ name: `Paged Health ${i}`, sector: 'health', sizeBand: i % 2 ? 'large' : 'micro' }) },
          hub.tokens.hubAdmin,
        );
        sectorIds.push(createEmployer.id);
      }
    });

    it('filters by sector, size band and name search', async () => {
      const health = await api.ok<{ employers: { totalCount: number; nodes: { id: string }[] } }>(
        LIST,
        { filter: { sector: 'health' }, first: 100 },
        hub.tokens.coordinator,
      );
      expect(health.employers.nodes.map((n) => n.id).sort()).toEqual([...sectorIds].sort());
      const large = await api.ok<{ employers: { totalCount: number } }>(
        LIST,
        { filter: { sector: 'health', sizeBand: 'large' } },
        hub.tokens.coordinator,
      );
      expect(large.employers.totalCount).toBe(3);
      const search = await api.ok<{ employers: { nodes: { name: string }[] } }>(
        LIST,
        { filter: { search: 'HEALTH 4' } },
        hub.tokens.coordinator,
      );
      expect(search.employers.nodes.map((n) => n.name)).toEqual(['Paged Health 4']);
      const bad = await api.gql(LIST, { filter: { sizeBand: 'enormous' } }, hub.tokens.coordinator);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ENUM_VALUE', field: 'filter.sizeBand' });
    });

    it('pages through with no duplicates or gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data: {
          employers: { nodes: { id: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        } = await api.ok(LIST, { filter: { sector: 'health' }, first: 2, after }, hub.tokens.hubAdmin);
        seen.push(...data.employers.nodes.map((n) => n.id));
        expect(data.employers.edges.at(-1)?.cursor).toBe(data.employers.pageInfo.endCursor);
        pages++;
        if (!data.employers.pageInfo.hasNextPage) break;
        after = data.employers.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(7);
      expect([...seen].sort()).toEqual([...sectorIds].sort());
      const bad = await api.gql(LIST, { first: 2, after: 'garbage!' }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CURSOR', field: 'after' });
      const tooMany = await api.gql(LIST, { first: 1000 }, hub.tokens.hubAdmin);
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
    });
  });

  describe('contacts', () => {
    it('adds, lists (batched on the employer), updates and archives contacts', async () => {
      const added = await api.ok<{ addEmployerContact: { id: string; email: string } }>(
        ADD_CONTACT,
        {
          employerId: hub.employer.id,
          input: { name: 'Priya Shah', email: 'Priya.Shah@Aire.example.org', dbsStatus: 'enhanced', dbsCheckedOn: '2024-05-01' },
        },
        hub.tokens.employerContact,
      );
      expect(added.addEmployerContact.email).toBe('priya.shah@aire.example.org');
      // A minute later by the product's clock: contacts are listed oldest first.
      api.clock.advance(60_000);
      const second = await api.ok<{ addEmployerContact: { id: string } }>(
        ADD_CONTACT,
        { employerId: hub.employer.id, input: { name: 'Tom Reed', email: 'tom@aire.example.org' } },
        hub.tokens.coordinator,
      );
      const list = await api.ok<{ employer: { contacts: { id: string }[] } }>(
        `query($id: ID!) { employer(id: $id) { contacts { id } } }`,
        { id: hub.employer.id },
        hub.tokens.hubAdmin,
      );
      expect(list.employer.contacts.map((c) => c.id)).toEqual([added.addEmployerContact.id, second.addEmployerContact.id]);
      const renamed = await api.ok<{ updateEmployerContact: { name: string } }>(
        UPDATE_CONTACT,
        { id: second.addEmployerContact.id, input: { name: 'Tom Reed-Smith' } },
        hub.tokens.employerContact,
      );
      expect(renamed.updateEmployerContact.name).toBe('Tom Reed-Smith');
      await api.ok(ARCHIVE_CONTACT, { id: second.addEmployerContact.id }, hub.tokens.employerContact);
      const live = await api.ok<{ employer: { contacts: { id: string }[] } }>(
        `query($id: ID!) { employer(id: $id) { contacts { id } } }`,
        { id: hub.employer.id },
        hub.tokens.hubAdmin,
      );
      expect(live.employer.contacts.map((c) => c.id)).toEqual([added.addEmployerContact.id]);
    });

    it('refuses a duplicate email for the same employer (any case) with ALREADY_EXISTS, writing nothing', async () => {
      await api.ok(
        ADD_CONTACT,
        { employerId: hub.employer.id, input: { name: 'Ann', email: 'ann@aire.example.org' } },
        hub.tokens.hubAdmin,
      );
      await rejects(
        ADD_CONTACT,
        { employerId: hub.employer.id, input: { name: 'Ann again', email: 'ANN@aire.example.org' } },
        hub.tokens.hubAdmin,
        'ALREADY_EXISTS',
        'input.email',
        'employer_contacts',
      );
      // Another employer may have the same address.
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        CREATE,
        { input: validEmployer({ name: 'Ann Two Ltd' }) },
        hub.tokens.hubAdmin,
      );
      await api.ok(
        ADD_CONTACT,
        { employerId: createEmployer.id, input: { name: 'Ann', email: 'ann@aire.example.org' } },
        hub.tokens.hubAdmin,
      );
    });

    it.each([
      ['malformed email', { name: 'X', email: 'not-an-email' }, 'INVALID_EMAIL', 'input.email'],
      ['unknown DBS status', { name: 'X', email: 'x1@aire.example.org', dbsStatus: 'super' }, 'INVALID_ENUM_VALUE', 'input.dbsStatus'],
      ['DBS without its date', { name: 'X', email: 'x2@aire.example.org', dbsStatus: 'basic' }, 'REQUIRED', 'input.dbsCheckedOn'],
      [
        'impossible DBS date',
        { name: 'X', email: 'x3@aire.example.org', dbsStatus: 'basic', dbsCheckedOn: '2024-02-30' },
        'INVALID_DATE',
        'input.dbsCheckedOn',
      ],
    ])('refuses a contact with %s', async (_label, input, code, field) => {
      await rejects(ADD_CONTACT, { employerId: hub.employer.id, input }, hub.tokens.hubAdmin, code, field, 'employer_contacts');
    });

    it('refuses contacts on out-of-scope employers with NOT_FOUND, and school staff with FORBIDDEN', async () => {
      await rejects(
        ADD_CONTACT,
        { employerId: other.employer.id, input: { name: 'X', email: 'x@o.example.org' } },
        hub.tokens.hubAdmin,
        'NOT_FOUND',
        'employerId',
        'employer_contacts',
      );
      await rejects(
        ADD_CONTACT,
        { employerId: randomUUID(), input: { name: 'X', email: 'x@o.example.org' } },
        hub.tokens.hubAdmin,
        'NOT_FOUND',
        'employerId',
        'employer_contacts',
      );
      await rejects(
        ADD_CONTACT,
        { employerId: hub.employer.id, input: { name: 'X', email: 'x@o.example.org' } },
        hub.tokens.schoolStaff,
        'FORBIDDEN',
        undefined,
        'employer_contacts',
      );
    });
  });

  describe('vetting', () => {
    let employerId: string;
    beforeAll(async () => {
      const { createEmployer } = await api.ok<{ createEmployer: { id: string } }>(
        CREATE,
        { input: validEmployer({ name: 'Vetted Ltd' }) },
        hub.tokens.hubAdmin,
      );
      employerId = createEmployer.id;
    });

    it('is vetted on a date only when every kind has a passed check valid that day', async () => {
      const record = (kind: string, checkedOn: string, expiresOn: string, outcome = 'passed') =>
        api.ok(RECORD_VETTING, { employerId, input: { kind, checkedOn, expiresOn, outcome } }, hub.tokens.coordinator);
      await record('safeguarding_policy', '2025-01-10', '2026-01-09');
      await record('employers_liability_insurance', '2025-02-01', '2026-01-31');
      await record('health_and_safety', '2025-03-01', '2025-03-01', 'failed');
      let status = await api.ok<{ employer: { vettingStatus: Record<string, unknown> } }>(
        VETTING,
        { id: employerId, on: '2025-06-01' },
        hub.tokens.hubAdmin,
      );
      expect(status.employer.vettingStatus).toEqual({
        onDate: '2025-06-01',
        vetted: false,
        missingKinds: ['health_and_safety'],
        validUntil: null,
      });
      await record('health_and_safety', '2025-03-02', '2025-12-31');
      status = await api.ok(VETTING, { id: employerId, on: '2025-06-01' }, hub.tokens.hubAdmin);
      expect(status.employer.vettingStatus).toEqual({ onDate: '2025-06-01', vetted: true, missingKinds: [], validUntil: '2025-12-31' });
      // The day after the earliest expiry it lapses; the day before the first check it was not yet vetted.
      status = await api.ok(VETTING, { id: employerId, on: '2026-01-01' }, hub.tokens.hubAdmin);
      expect(status.employer.vettingStatus).toMatchObject({ vetted: false, missingKinds: ['health_and_safety'] });
      status = await api.ok(VETTING, { id: employerId, on: '2025-01-09' }, hub.tokens.hubAdmin);
      expect(status.employer.vettingStatus).toMatchObject({ vetted: false });
      // The list filter agrees.
      const vetted = await api.ok<{ employers: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { vettingStatus: 'vetted', vettingOn: '2025-06-01' }, first: 100 },
        hub.tokens.hubAdmin,
      );
      expect(vetted.employers.nodes.map((n) => n.id)).toEqual([employerId]);
      const notVetted = await api.ok<{ employers: { nodes: { id: string }[] } }>(
        LIST,
        { filter: { vettingStatus: 'not_vetted', vettingOn: '2025-06-01' }, first: 100 },
        hub.tokens.hubAdmin,
      );
      expect(notVetted.employers.nodes.map((n) => n.id)).not.toContain(employerId);
      expect(notVetted.employers.nodes.length).toBeGreaterThan(0);
    });

    it('shows school staff whether an employer is vetted, but not the details', async () => {
      const res = await api.ok<{ employer: { vettingChecks: unknown; vettingStatus: Record<string, unknown> } }>(
        VETTING,
        { id: employerId, on: '2025-06-01' },
        hub.tokens.schoolStaff,
      );
      expect(res.employer.vettingChecks).toBeNull();
      expect(res.employer.vettingStatus).toEqual({ onDate: '2025-06-01', vetted: true, missingKinds: null, validUntil: null });
      const coordinator = await api.ok<{ employer: { vettingChecks: unknown[] } }>(VETTING, { id: employerId }, hub.tokens.coordinator);
      expect(coordinator.employer.vettingChecks).toHaveLength(4);
    });

    it.each([
      [
        'expiry before the check',
        { kind: 'health_and_safety', checkedOn: '2025-03-02', expiresOn: '2025-03-01', outcome: 'passed' },
        'INVALID_WINDOW',
        'input.expiresOn',
      ],
      [
        'a check dated in the future',
        { kind: 'health_and_safety', checkedOn: '2999-01-01', expiresOn: '2999-12-31', outcome: 'passed' },
        'INVALID_DATE',
        'input.checkedOn',
      ],
      [
        'an unknown kind',
        { kind: 'vibes', checkedOn: '2025-03-02', expiresOn: '2025-04-01', outcome: 'passed' },
        'INVALID_ENUM_VALUE',
        'input.kind',
      ],
      [
        'an unknown outcome',
        { kind: 'health_and_safety', checkedOn: '2025-03-02', expiresOn: '2025-04-01', outcome: 'maybe' },
        'INVALID_ENUM_VALUE',
        'input.outcome',
      ],
      [
        'a malformed date',
        { kind: 'health_and_safety', checkedOn: '02/03/2025', expiresOn: '2025-04-01', outcome: 'passed' },
        'INVALID_DATE',
        'input.checkedOn',
      ],
    ])('refuses %s', async (_label, input, code, field) => {
      await rejects(RECORD_VETTING, { employerId, input }, hub.tokens.hubAdmin, code, field, 'vetting_checks');
    });

    it('lets only hub admins and coordinators record an outcome; an employer may only declare, which never vets (finding 10)', async () => {
      const own = hub.employer.id;
      const contact = hub.tokens.employerContact;
      const passed = { kind: 'employers_liability_insurance', checkedOn: '2025-03-02', expiresOn: '2026-03-01', outcome: 'passed' };
      {
        // The attack: an employer contact says its own organisation passed.
        await rejects(RECORD_VETTING, { employerId: own, input: passed }, contact, 'FORBIDDEN', undefined, 'vetting_checks');
        await rejects(
          RECORD_VETTING,
          { employerId: own, input: { ...passed, outcome: 'failed' } },
          contact,
          'FORBIDDEN',
          undefined,
          'vetting_checks',
        );
        // It may declare, with its evidence; that is recorded as its own word and vets nothing.
        await api.ok(
          RECORD_VETTING,
          { employerId: own, input: { ...passed, outcome: 'declared', documentRef: 'insurance-certificate-2025.pdf' } },
          contact,
        );
        const withWho = `query($id: ID!) { employer(id: $id) { vettingChecks { outcome recordedByName recordedAt } vettingStatus(onDate: "2025-06-01") { vetted } } }`;
        let seen = await api.ok<{
          employer: {
            vettingChecks: Array<{ outcome: string; recordedByName: string; recordedAt: string }>;
            vettingStatus: { vetted: boolean };
          };
        }>(withWho, { id: own }, hub.tokens.coordinator);
        expect(seen.employer.vettingChecks).toEqual([
          { outcome: 'declared', recordedByName: `employerContact ${hub.slug}`, recordedAt: expect.any(String) },
        ]);
        expect(seen.employer.vettingStatus.vetted).toBe(false);
        // The coordinator reviews it and records the outcome, under their own name.
        await api.ok(RECORD_VETTING, { employerId: own, input: passed }, hub.tokens.coordinator);
        seen = await api.ok(withWho, { id: own }, hub.tokens.hubAdmin);
        expect(seen.employer.vettingChecks.map((c) => `${c.outcome} by ${c.recordedByName}`).sort()).toEqual([
          `declared by employerContact ${hub.slug}`,
          `passed by coordinator ${hub.slug}`,
        ]);
        // Platform admins and school staff record nothing either.
        await rejects(RECORD_VETTING, { employerId: own, input: passed }, hub.tokens.schoolStaff, 'FORBIDDEN', undefined, 'vetting_checks');
      }
    });

    it('hides contacts’ DBS status from school staff, shows it to hub staff and the employer (finding 11)', async () => {
      await api.ok(
        ADD_CONTACT,
        { employerId, input: { name: 'Dee Bee', email: 'dee@vetted.example.org', dbsStatus: 'enhanced', dbsCheckedOn: '2024-05-01' } },
        hub.tokens.coordinator,
      );
      const q = `query($id: ID!) { employer(id: $id) { contacts { email dbsStatus dbsCheckedOn } } }`;
      const forSchool = await api.ok<{
        employer: { contacts: Array<{ email: string; dbsStatus: string | null; dbsCheckedOn: string | null }> };
      }>(q, { id: employerId }, hub.tokens.schoolStaff);
      expect(forSchool.employer.contacts.find((c) => c.email === 'dee@vetted.example.org')).toEqual({
        email: 'dee@vetted.example.org',
        dbsStatus: null,
        dbsCheckedOn: null,
      });
      const forHub = await api.ok<typeof forSchool>(q, { id: employerId }, hub.tokens.hubAdmin);
      expect(forHub.employer.contacts.find((c) => c.email === 'dee@vetted.example.org')).toEqual({
        email: 'dee@vetted.example.org',
        dbsStatus: 'enhanced',
        dbsCheckedOn: '2024-05-01',
      });
    });

    it('refuses vetting records from school staff and on other tenants', async () => {
      const input = { kind: 'health_and_safety', checkedOn: '2025-03-02', expiresOn: '2025-04-01', outcome: 'passed' };
      await rejects(RECORD_VETTING, { employerId, input }, hub.tokens.schoolStaff, 'FORBIDDEN', undefined, 'vetting_checks');
      await rejects(
        RECORD_VETTING,
        { employerId: other.employer.id, input },
        hub.tokens.hubAdmin,
        'NOT_FOUND',
        'employerId',
        'vetting_checks',
      );
    });
  });
});

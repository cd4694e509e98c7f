import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createHubFixture, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/** Hubs (tenants) and clusters through the real API, per role. */

const HUB = 'id name slug archivedAt createdAt settings { invitationValidityHours }';
const CREATE_HUB = `mutation($input: CreateHubInput!) { createHub(input: $input) { ${HUB} } }`;
const HUBS = `query($all: Boolean) { hubs(includeArchived: $all) { id name slug } }`;
const CURRENT_HUB = `{ hub { ${HUB} } }`;
const UPDATE_HUB = `mutation($input: UpdateHubInput!) { updateHub(input: $input) { ${HUB} } }`;
const CLUSTER = 'id name archivedAt';
const CREATE_CLUSTER = `mutation($input: ClusterInput!) { createCluster(input: $input) { ${CLUSTER} } }`;
const UPDATE_CLUSTER = `mutation($id: ID!, $input: ClusterInput!) { updateCluster(id: $id, input: $input) { ${CLUSTER} } }`;
const ARCHIVE_CLUSTER = `mutation($id: ID!) { archiveCluster(id: $id) { ${CLUSTER} } }`;
const GET_CLUSTER = `query($id: ID!) { cluster(id: $id) { ${CLUSTER} } }`;
const LIST_CLUSTERS = `query($filter: ClusterFilter, $first: Int, $after: String) {
  clusters(filter: $filter, first: $first, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`;

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

describe('hubs and clusters', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;
  let owner: Client;

  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    Number((await owner.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n);

  /** Expects code + field, no leak, and the listed tables unchanged. */
  async function rejects(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    code: string,
    field: string | undefined,
    tables: string[],
  ): Promise<void> {
    const counts = async (): Promise<number[]> => {
      const out: number[] = [];
      for (const t of tables) out.push(await count(t));
      return out;
    };
    const before = await counts();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    if (!field) expect(res.errors?.[0]?.extensions?.field).toBeUndefined();
    expectNoLeaks(res);
    expect(await counts()).toEqual(before);
  }

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
    owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await api?.close();
  });

  describe('createHub', () => {
    const HUB_TABLES = ['tenants', 'invitations', 'notification_outbox', 'audit_log'];

    it('creates the hub and invites its first hub admin, with the email queued in the same transaction', async () => {
      const { createHub } = await api.ok<{ createHub: { id: string; slug: string; name: string; settings: unknown } }>(
        CREATE_HUB,
        { input: { name: '  West Yorkshire Careers Hub ', slug: 'West-Yorkshire', firstAdminEmail: 'First.Admin@Example.org' } },
        hub.tokens.platformAdmin,
      );
      expect(createHub).toMatchObject({
        name: 'West Yorkshire Careers Hub',
        slug: 'west-yorkshire',
        settings: { invitationValidityHours: null },
      });
      const invitations = (
        await owner.query('select id, email, role, invited_by_user_id, expires_at from invitations where tenant_id = $1', [createHub.id])
      ).rows;
      expect(invitations).toEqual([
        expect.objectContaining({
          email: 'first.admin@example.org',
          role: 'hub_admin',
          invited_by_user_id: hub.principals.platformAdmin.userId,
        }),
      ]);
      expect((invitations[0].expires_at as Date).getTime()).toBe(api.clock.now().getTime() + 72 * 3_600_000);
      expect(
        await count('notification_outbox', `tenant_id = $1 and dedupe_key = $2`, [createHub.id, `mail.invitation.${invitations[0].id}`]),
      ).toBe(1);
      const audit = (await owner.query('select action, actor_user_id from audit_log where tenant_id = $1 order by id', [createHub.id]))
        .rows;
      expect(audit).toEqual([
        { action: 'hub.created', actor_user_id: hub.principals.platformAdmin.userId },
        { action: 'invitation.created', actor_user_id: hub.principals.platformAdmin.userId },
      ]);
    });

    it('is for platform admins only: everyone else is FORBIDDEN and nothing is written', async () => {
      for (const role of ['hubAdmin', 'coordinator', 'schoolStaff', 'employerContact'] as const) {
        await rejects(
          CREATE_HUB,
          { input: { name: 'Mine', slug: `mine-${role.toLowerCase()}`, firstAdminEmail: 'a@example.org' } },
          hub.tokens[role],
          'FORBIDDEN',
          undefined,
          HUB_TABLES,
        );
      }
    });

    it.each([
      ['a blank name', { name: ' ' }, 'INVALID_TEXT', 'input.name'],
      ['a slug with spaces', { slug: 'west yorkshire' }, 'INVALID_TEXT', 'input.slug'],
      ['a slug ending in a hyphen', { slug: 'leeds-' }, 'INVALID_TEXT', 'input.slug'],
      ['a malformed email', { firstAdminEmail: 'admin@' }, 'INVALID_EMAIL', 'input.firstAdminEmail'],
      ['a slug already taken', { slug: 'west-yorkshire' }, 'ALREADY_EXISTS', 'input.slug'],
    ])('refuses %s with its code and field, writing nothing', async (_label, over, code, field) => {
      const input = { name: 'Another hub', slug: `another-${randomUUID().slice(0, 8)}`, firstAdminEmail: 'b@example.org', ...over };
      await rejects(CREATE_HUB, { input }, hub.tokens.platformAdmin, code, field, HUB_TABLES);
    });

    it('refuses a slug taken by an archived hub, writing nothing', async () => {
      await owner.query(`insert into tenants (name, slug, archived_at) values ('Closed hub', 'closed-hub', $1)`, [api.clock.now()]);
      await rejects(
        CREATE_HUB,
        { input: { name: 'Reopened', slug: 'closed-hub', firstAdminEmail: 'c@example.org' } },
        hub.tokens.platformAdmin,
        'ALREADY_EXISTS',
        'input.slug',
        HUB_TABLES,
      );
    });
  });

  describe('hubs, hub, updateHub', () => {
    it('lists every live hub for a platform admin (archived on request), and nobody else', async () => {
      const live = await api.ok<{ hubs: Array<{ id: string; slug: string }> }>(HUBS, {}, hub.tokens.platformAdmin);
      expect(live.hubs.map((h) => h.id)).toEqual(expect.arrayContaining([hub.tenantId, other.tenantId]));
      expect(live.hubs.map((h) => h.slug)).not.toContain('closed-hub');
      const all = await api.ok<{ hubs: Array<{ slug: string }> }>(HUBS, { all: true }, hub.tokens.platformAdmin);
      expect(all.hubs.map((h) => h.slug)).toContain('closed-hub');
      const denied = await api.gql(HUBS, {}, hub.tokens.hubAdmin);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('shows every member their own hub, and a platform admin the one named by x-tenant-id', async () => {
      for (const role of ['hubAdmin', 'coordinator', 'schoolStaff', 'employerContact'] as const) {
        const { hub: mine } = await api.ok<{ hub: { id: string; slug: string } }>(CURRENT_HUB, {}, hub.tokens[role]);
        expect(mine).toMatchObject({ id: hub.tenantId, slug: hub.slug });
      }
      const outside = await api.gql(CURRENT_HUB, {}, hub.tokens.platformAdmin);
      expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.tokens.platformAdmin}`, 'x-tenant-id': other.tenantId },
        body: JSON.stringify({ query: CURRENT_HUB }),
      });
      expect(((await res.json()) as { data: { hub: { id: string } } }).data.hub.id).toBe(other.tenantId);
    });

    it('lets a hub admin rename the hub and change its settings; the setting drives invitation expiry', async () => {
      const { updateHub } = await api.ok<{ updateHub: { name: string; settings: { invitationValidityHours: number | null } } }>(
        UPDATE_HUB,
        { input: { name: 'Renamed hub', settings: { invitationValidityHours: 24 } } },
        hub.tokens.hubAdmin,
      );
      expect(updateHub).toMatchObject({ name: 'Renamed hub', settings: { invitationValidityHours: 24 } });
      await api.ok(`mutation { inviteUser(input: { email: "short.lived@example.org", role: HUB_ADMIN }) { id } }`, {}, hub.tokens.hubAdmin);
      const [row] = (
        await owner.query(`select expires_at from invitations where tenant_id = $1 and email = 'short.lived@example.org'`, [hub.tenantId])
      ).rows;
      expect((row.expires_at as Date).getTime()).toBe(api.clock.now().getTime() + 24 * 3_600_000);
      // null resets to the platform default; leaving settings out leaves them alone.
      const reset = await api.ok<{ updateHub: { settings: { invitationValidityHours: number | null } } }>(
        UPDATE_HUB,
        { input: { settings: { invitationValidityHours: null } } },
        hub.tokens.hubAdmin,
      );
      expect(reset.updateHub.settings.invitationValidityHours).toBeNull();
      const audit = await count('audit_log', `tenant_id = $1 and action = 'hub.updated'`, [hub.tenantId]);
      expect(audit).toBe(2);
      // The other hub is untouched.
      expect((await owner.query('select name from tenants where id = $1', [other.tenantId])).rows[0].name).toMatch(/^Test other /);
    });

    it('refuses settings out of range and non-admins, writing nothing', async () => {
      const row = async (): Promise<unknown> =>
        (await owner.query('select name, settings, updated_at from tenants where id = $1', [hub.tenantId])).rows[0];
      const before = await row();
      await rejects(
        UPDATE_HUB,
        { input: { settings: { invitationValidityHours: 0 } } },
        hub.tokens.hubAdmin,
        'INVALID_NUMBER',
        'input.settings.invitationValidityHours',
        ['tenants', 'audit_log'],
      );
      await rejects(UPDATE_HUB, { input: { name: '' } }, hub.tokens.hubAdmin, 'INVALID_TEXT', 'input.name', ['tenants', 'audit_log']);
      await rejects(
        UPDATE_HUB,
        { input: { settings: { invitationValidityHours: 'a day' } } },
        hub.tokens.hubAdmin,
        'BAD_REQUEST',
        'input.settings.invitationValidityHours',
        ['tenants'],
      );
      for (const role of ['coordinator', 'schoolStaff', 'employerContact'] as const) {
        await rejects(UPDATE_HUB, { input: { name: 'Taken over' } }, hub.tokens[role], 'FORBIDDEN', undefined, ['tenants', 'audit_log']);
      }
      expect(await row()).toEqual(before);
    });
  });

  describe('clusters', () => {
    it('shows hub admins every cluster, a coordinator their own, school staff their school’s, employer contacts none', async () => {
      const ids = async (token: string): Promise<string[]> =>
        (await api.ok<{ clusters: { nodes: { id: string }[] } }>(LIST_CLUSTERS, { first: 100 }, token)).clusters.nodes
          .map((n) => n.id)
          .sort();
      expect(await ids(hub.tokens.hubAdmin)).toEqual([hub.clusterA.id, hub.clusterB.id].sort());
      expect(await ids(hub.tokens.coordinator)).toEqual([hub.clusterA.id]);
      expect(await ids(hub.tokens.coordinatorB)).toEqual([hub.clusterB.id]);
      expect(await ids(hub.tokens.schoolStaff)).toEqual([hub.clusterA.id]);
      expect(await ids(hub.tokens.employerContact)).toEqual([]);
      const own = await api.ok<{ cluster: { name: string } }>(GET_CLUSTER, { id: hub.clusterA.id }, hub.tokens.schoolStaff);
      expect(own.cluster.name).toBe('North cluster');
    });

    it('answers NOT_FOUND for a cluster out of scope, in another hub, unknown or not an id, without echoing it', async () => {
      for (const [id, token] of [
        [hub.clusterB.id, hub.tokens.coordinator],
        [hub.clusterB.id, hub.tokens.schoolStaff],
        [hub.clusterA.id, hub.tokens.employerContact],
        [other.clusterA.id, hub.tokens.hubAdmin],
        [randomUUID(), hub.tokens.hubAdmin],
        ['cluster-1', hub.tokens.hubAdmin],
      ] as const) {
        const res = await api.gql(GET_CLUSTER, { id }, token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
        expect(JSON.stringify(res)).not.toContain(id);
      }
      await rejects(UPDATE_CLUSTER, { id: other.clusterA.id, input: { name: 'Hijacked' } }, hub.tokens.hubAdmin, 'NOT_FOUND', 'id', [
        'clusters',
      ]);
      expect((await owner.query('select name from clusters where id = $1', [other.clusterA.id])).rows[0].name).toBe('North cluster');
    });

    it('lets hub admins create, rename and archive; names are unique among live clusters', async () => {
      const { createCluster } = await api.ok<{ createCluster: { id: string; name: string } }>(
        CREATE_CLUSTER,
        { input: { name: ' East cluster ' } },
        hub.tokens.hubAdmin,
      );
      expect(createCluster.name).toBe('East cluster');
      await rejects(CREATE_CLUSTER, { input: { name: 'EAST CLUSTER' } }, hub.tokens.hubAdmin, 'ALREADY_EXISTS', 'input.name', ['clusters']);
      await rejects(
        UPDATE_CLUSTER,
        { id: createCluster.id, input: { name: 'north cluster' } },
        hub.tokens.hubAdmin,
        'ALREADY_EXISTS',
        'input.name',
        ['clusters'],
      );
      const renamed = await api.ok<{ updateCluster: { name: string } }>(
        UPDATE_CLUSTER,
        { id: createCluster.id, input: { name: 'Coastal cluster' } },
        hub.tokens.hubAdmin,
      );
      expect(renamed.updateCluster.name).toBe('Coastal cluster');
      const archived = await api.ok<{ archiveCluster: { archivedAt: string | null } }>(
        ARCHIVE_CLUSTER,
        { id: createCluster.id },
        hub.tokens.hubAdmin,
      );
      expect(archived.archiveCluster.archivedAt).not.toBeNull();
      // Archived clusters leave lists unless asked for, and free their name.
      const live = await api.ok<{ clusters: { nodes: { id: string }[] } }>(
        LIST_CLUSTERS,
        { filter: { search: 'coastal' } },
        hub.tokens.hubAdmin,
      );
      expect(live.clusters.nodes).toEqual([]);
      const all = await api.ok<{ clusters: { nodes: { id: string }[] } }>(
        LIST_CLUSTERS,
        { filter: { search: 'coastal', includeArchived: true } },
        hub.tokens.hubAdmin,
      );
      expect(all.clusters.nodes.map((n) => n.id)).toEqual([createCluster.id]);
      await api.ok(CREATE_CLUSTER, { input: { name: 'Coastal cluster' } }, hub.tokens.hubAdmin);
      const audit = (
        await owner.query(`select action from audit_log where tenant_id = $1 and entity_id = $2 order by id`, [
          hub.tenantId,
          createCluster.id,
        ])
      ).rows.map((r) => r.action);
      expect(audit).toEqual(['cluster.created', 'cluster.renamed', 'cluster.archived']);
    });

    it('refuses to archive a cluster that still has schools or coordinators', async () => {
      await rejects(ARCHIVE_CLUSTER, { id: hub.clusterA.id }, hub.tokens.hubAdmin, 'CONFLICT', 'id', ['clusters', 'audit_log']);
      const res = await api.gql(ARCHIVE_CLUSTER, { id: hub.clusterB.id }, hub.tokens.hubAdmin);
      expect(res.errors?.[0]?.message).toBe(
        'This cluster still has 1 school and 1 coordinator: move the schools to another cluster and remove the coordinators first',
      );
    });

    it('refuses cluster changes by anyone but hub admins: FORBIDDEN where they can see it, NOT_FOUND where not', async () => {
      for (const role of ['coordinator', 'schoolStaff', 'employerContact'] as const) {
        await rejects(CREATE_CLUSTER, { input: { name: `By ${role}` } }, hub.tokens[role], 'FORBIDDEN', undefined, ['clusters']);
      }
      await rejects(UPDATE_CLUSTER, { id: hub.clusterA.id, input: { name: 'Mine now' } }, hub.tokens.coordinator, 'FORBIDDEN', undefined, [
        'clusters',
      ]);
      await rejects(ARCHIVE_CLUSTER, { id: hub.clusterA.id }, hub.tokens.schoolStaff, 'FORBIDDEN', undefined, ['clusters']);
      await rejects(UPDATE_CLUSTER, { id: hub.clusterB.id, input: { name: 'Mine now' } }, hub.tokens.coordinator, 'NOT_FOUND', 'id', [
        'clusters',
      ]);
      await rejects(CREATE_CLUSTER, { input: { name: '   ' } }, hub.tokens.hubAdmin, 'INVALID_TEXT', 'input.name', ['clusters']);
    });

    it('pages through clusters with no gaps or repeats', async () => {
      // A minute apart by the product's clock: the list is newest first.
      for (let i = 0; i < 5; i++) {
        api.clock.advance(60_000);
        await api.ok(CREATE_CLUSTER, { input: { name: `Paged ${i}` } }, hub.tokens.hubAdmin);
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { clusters: { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
          await api.ok(LIST_CLUSTERS, { filter: { search: 'paged' }, first: 2, after }, hub.tokens.hubAdmin);
        expect(page.clusters.totalCount).toBe(5);
        seen.push(...page.clusters.nodes.map((n) => n.name));
        if (!page.clusters.pageInfo.hasNextPage) break;
        after = page.clusters.pageInfo.endCursor;
      }
      expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
      const bad = await api.gql(LIST_CLUSTERS, { first: 0 }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
    });
  });
});

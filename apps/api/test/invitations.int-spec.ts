import { randomUUID } from 'node:crypto';
import { LinkTokens } from '@tandem/platform';
import { INVITATION_LINK_PURPOSE } from '@tandem/features';
import { Client } from 'pg';
import { createHubFixture, FIXTURE_PASSWORD, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/** Invitations (invite, preview, accept, revoke, resend, list) and memberships through the real API, per role. */

const INVITATION = 'id email role clusterId schoolId employerId state expiresAt acceptedAt revokedAt invitedByUserId';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${INVITATION} } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { ${INVITATION} } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { ${INVITATION} } }`;
const LIST = `query($filter: InvitationFilter, $first: Int, $after: String) {
  invitations(filter: $filter, first: $first, after: $after) { totalCount nodes { id email role state } pageInfo { hasNextPage endCursor } } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { hubName role email expiresAt state accountExists } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  accessToken refreshToken me { userId email displayName tenantId role clusterId schoolId employerId membershipId } } }`;
const MEMBERSHIPS = `query($filter: MembershipFilter, $first: Int) {
  memberships(filter: $filter, first: $first) { totalCount nodes { id userId email displayName role clusterId schoolId employerId archivedAt } } }`;
const ARCHIVE_MEMBERSHIP = `mutation($id: ID!) { archiveMembership(id: $id) { id archivedAt } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { refreshToken me { role tenantId } } }`;
const MY_MEMBERSHIPS = `{ myMemberships { tenantId role current } }`;

interface Invitation {
  id: string;
  email: string;
  role: string;
  state: string;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
  invitedByUserId: string | null;
}

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates|\$argon2/i,
  );
}

describe('invitations and memberships', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;
  let owner: Client;
  let links: LinkTokens;
  let n = 0;
  const email = (label: string): string => `${label}.${++n}@example.org`;

  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> =>
    Number((await owner.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n);
  /** Everything an invitation or an acceptance writes, counted. */
  const written = async (): Promise<number[]> => {
    const out: number[] = [];
    for (const t of ['invitations', 'notification_outbox', 'users', 'memberships', 'refresh_sessions', 'audit_log'])
      out.push(await count(t));
    return out;
  };
  async function rejects(
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    code: string,
    field: string | undefined,
  ): Promise<GqlResult<unknown>> {
    const before = await written();
    const res = await api.gql(query, variables, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    if (!field) expect(res.errors?.[0]?.extensions?.field).toBeUndefined();
    expectNoLeaks(res);
    expect(await written()).toEqual(before);
    return res;
  }
  const invite = async (input: Record<string, unknown>, token = hub.tokens.hubAdmin): Promise<Invitation> =>
    (await api.ok<{ inviteUser: Invitation }>(INVITE, { input }, token)).inviteUser;
  const tokenOf = (invitationId: string): string => links.derive(INVITATION_LINK_PURPOSE, invitationId).token;

  beforeAll(async () => {
    api = await startTestApi();
    hub = await createHubFixture(api);
    other = await createHubFixture(api, 'other');
    owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
    links = api.app.get(LinkTokens);
  });
  afterAll(async () => {
    await owner?.end();
    await api?.close();
  });

  describe('inviteUser', () => {
    it('lets a hub admin invite every role, storing only the link token’s hash and queuing the email with the row', async () => {
      const cases = [
        { role: 'HUB_ADMIN' },
        { role: 'COORDINATOR', clusterId: hub.clusterB.id },
        { role: 'SCHOOL_STAFF', schoolId: hub.schoolB.id },
        { role: 'EMPLOYER_CONTACT', employerId: hub.employer.id },
      ];
      for (const scope of cases) {
        const address = email('invitee');
        const invitation = await invite({ email: address.toUpperCase(), ...scope });
        expect(invitation).toMatchObject({ email: address, state: 'PENDING', invitedByUserId: hub.principals.hubAdmin.userId, ...scope });
        const [row] = (await owner.query('select token_hash from invitations where id = $1', [invitation.id])).rows;
        expect(row.token_hash).toBe(links.derive(INVITATION_LINK_PURPOSE, invitation.id).hash);
        expect(
          await count('notification_outbox', `dedupe_key = $1 and payload = $2::jsonb`, [
            `mail.invitation.${invitation.id}`,
            JSON.stringify({ tenantId: hub.tenantId, kind: 'invitation', invitationId: invitation.id }),
          ]),
        ).toBe(1);
        expect(
          await count('audit_log', `action = 'invitation.created' and entity_id = $1 and actor_user_id = $2`, [
            invitation.id,
            hub.principals.hubAdmin.userId,
          ]),
        ).toBe(1);
      }
    });

    it('lets a coordinator invite staff of schools in their cluster and employer contacts, and nothing else', async () => {
      await invite({ email: email('staff'), role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id }, hub.tokens.coordinator);
      await invite({ email: email('contact'), role: 'EMPLOYER_CONTACT', employerId: hub.employer.id }, hub.tokens.coordinator);
      await rejects(
        INVITE,
        { input: { email: email('x'), role: 'SCHOOL_STAFF', schoolId: hub.schoolB.id } },
        hub.tokens.coordinator,
        'NOT_FOUND',
        'input.schoolId',
      );
      await rejects(
        INVITE,
        { input: { email: email('x'), role: 'COORDINATOR', clusterId: hub.clusterA.id } },
        hub.tokens.coordinator,
        'FORBIDDEN',
        undefined,
      );
      await rejects(INVITE, { input: { email: email('x'), role: 'HUB_ADMIN' } }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
    });

    it('lets school staff and employer contacts invite nobody', async () => {
      await rejects(
        INVITE,
        { input: { email: email('x'), role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id } },
        hub.tokens.schoolStaff,
        'FORBIDDEN',
        undefined,
      );
      await rejects(
        INVITE,
        { input: { email: email('x'), role: 'EMPLOYER_CONTACT', employerId: hub.employer.id } },
        hub.tokens.employerContact,
        'FORBIDDEN',
        undefined,
      );
      await rejects(INVITE, { input: { email: email('x'), role: 'HUB_ADMIN' } }, hub.tokens.employerContact, 'FORBIDDEN', undefined);
    });

    it.each([
      ['a malformed email', { email: 'ada at example', role: 'HUB_ADMIN' }, 'INVALID_EMAIL', 'input.email'],
      ['an unknown role', { email: 'a@example.org', role: 'OVERLORD' }, 'BAD_REQUEST', 'input.role'],
      ['a role that cannot be invited', { email: 'a@example.org', role: 'PLATFORM_ADMIN' }, 'INVALID_ENUM_VALUE', 'input.role'],
      ['a missing scope id', { email: 'a@example.org', role: 'COORDINATOR' }, 'REQUIRED', 'input.clusterId'],
      [
        'a scope id the role does not take',
        { email: 'a@example.org', role: 'HUB_ADMIN', employerId: '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f' },
        'VALIDATION_FAILED',
        'input.employerId',
      ],
      [
        'an unknown cluster',
        { email: 'a@example.org', role: 'COORDINATOR', clusterId: '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f' },
        'NOT_FOUND',
        'input.clusterId',
      ],
      [
        'a school id that is not an id',
        { email: 'a@example.org', role: 'SCHOOL_STAFF', schoolId: 'school-1' },
        'NOT_FOUND',
        'input.schoolId',
      ],
    ])('refuses %s with its code and field, writing nothing', async (_label, input, code, field) => {
      await rejects(INVITE, { input }, hub.tokens.hubAdmin, code, field);
    });

    it('refuses scope ids from another hub as NOT_FOUND, without echoing them', async () => {
      for (const [input, field] of [
        [{ role: 'COORDINATOR', clusterId: other.clusterA.id }, 'input.clusterId'],
        [{ role: 'SCHOOL_STAFF', schoolId: other.schoolA.id }, 'input.schoolId'],
        [{ role: 'EMPLOYER_CONTACT', employerId: other.employer.id }, 'input.employerId'],
      ] as const) {
        const res = await rejects(INVITE, { input: { email: email('x'), ...input } }, hub.tokens.hubAdmin, 'NOT_FOUND', field);
        expect(JSON.stringify(res)).not.toContain(Object.values(input)[1]);
      }
    });

    it('refuses an archived school, a second open invitation, and someone who already has the role', async () => {
      const [archived] = (
        await owner.query(
          `insert into schools (tenant_id, cluster_id, urn, name, phase) values ($1, $2, '999001', 'Closed School', 'secondary') returning id`,
          [hub.tenantId, hub.clusterA.id],
        )
      ).rows;
      await owner.query('update schools set archived_at = $2 where id = $1', [archived.id, api.clock.now()]);
      await rejects(
        INVITE,
        { input: { email: email('x'), role: 'SCHOOL_STAFF', schoolId: archived.id } },
        hub.tokens.hubAdmin,
        'NOT_FOUND',
        'input.schoolId',
      );
      const twice = email('twice');
      await invite({ email: twice, role: 'EMPLOYER_CONTACT', employerId: hub.employer.id });
      const res = await rejects(
        INVITE,
        { input: { email: twice, role: 'EMPLOYER_CONTACT', employerId: hub.employer.id } },
        hub.tokens.hubAdmin,
        'ALREADY_EXISTS',
        'input.email',
      );
      expect(res.errors?.[0]?.message).toMatch(/resend that invitation/);
      await rejects(
        INVITE,
        { input: { email: hub.emails.coordinator, role: 'COORDINATOR', clusterId: hub.clusterA.id } },
        hub.tokens.hubAdmin,
        'ALREADY_EXISTS',
        'input.email',
      );
      // The same person may be invited to another role.
      await invite({ email: hub.emails.coordinator, role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id });
    });
  });

  describe('invitationPreview and acceptInvitation', () => {
    it('previews without a log-in, then accepts a new account: user, membership, session, audit', async () => {
      const address = email('new.staff');
      const invitation = await invite({ email: address, role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id }, hub.tokens.coordinator);
      const token = tokenOf(invitation.id);
      const preview = await api.ok<{ invitationPreview: Record<string, unknown> }>(PREVIEW, { token });
      expect(preview.invitationPreview).toMatchObject({
        hubName: expect.stringMatching(/^Test hub /),
        role: 'SCHOOL_STAFF',
        email: address,
        state: 'PENDING',
        accountExists: false,
      });
      const { acceptInvitation } = await api.ok<{
        acceptInvitation: { accessToken: string; refreshToken: string; me: Record<string, unknown> };
      }>(ACCEPT, {
        input: { token, password: 'a long new password', displayName: ' Sam Staff ' },
      });
      expect(acceptInvitation.me).toMatchObject({
        email: address,
        displayName: 'Sam Staff',
        tenantId: hub.tenantId,
        role: 'SCHOOL_STAFF',
        schoolId: hub.schoolA.id,
        clusterId: null,
      });
      const userId = acceptInvitation.me['userId'] as string;
      const membershipId = acceptInvitation.me['membershipId'] as string;
      expect(
        await count('memberships', `id = $1 and user_id = $2 and role = 'school_staff' and school_id = $3`, [
          membershipId,
          userId,
          hub.schoolA.id,
        ]),
      ).toBe(1);
      expect((await owner.query('select accepted_at from invitations where id = $1', [invitation.id])).rows[0].accepted_at).not.toBeNull();
      const audit = (
        await owner.query(
          `select action, actor_user_id from audit_log where tenant_id = $1 and (entity_id = $2 or entity_id = $3) order by id`,
          [hub.tenantId, invitation.id, membershipId],
        )
      ).rows;
      expect(audit).toEqual([
        { action: 'invitation.created', actor_user_id: hub.principals.coordinator.userId },
        { action: 'invitation.accepted', actor_user_id: userId },
        { action: 'membership.created', actor_user_id: userId },
      ]);
      // The new account logs in with its password and refreshes.
      const login = await api.ok<{ login: { me: { role: string } } }>(LOGIN, {
        input: { email: address, password: 'a long new password' },
      });
      expect(login.login.me.role).toBe('SCHOOL_STAFF');
      expect((await api.gql(REFRESH, { refreshToken: acceptInvitation.refreshToken })).errors).toBeUndefined();
      // The link is spent.
      await rejects(ACCEPT, { input: { token, password: 'a long new password' } }, undefined, 'INVITATION_ALREADY_USED', 'input.token');
      expect(
        (await api.ok<{ invitationPreview: { state: string; accountExists: boolean } }>(PREVIEW, { token })).invitationPreview,
      ).toMatchObject({ state: 'ACCEPTED', accountExists: true });
    });

    it.each([
      ['no password', {}, 'REQUIRED', 'input.password'],
      ['a short password', { password: 'short' }, 'VALIDATION_FAILED', 'input.password'],
      ['the email as password', { password: '__EMAIL__' }, 'VALIDATION_FAILED', 'input.password'],
      ['an overlong display name', { password: 'a long new password', displayName: 'x'.repeat(201) }, 'INVALID_TEXT', 'input.displayName'],
    ])('refuses a new account with %s, writing nothing and leaving the link usable', async (_label, over, code, field) => {
      const address = email('weak');
      const invitation = await invite({ email: address, role: 'HUB_ADMIN' });
      const input = { token: tokenOf(invitation.id), ...over } as Record<string, unknown>;
      if (input['password'] === '__EMAIL__') input['password'] = address;
      const res = await rejects(ACCEPT, { input }, undefined, code, field);
      expect(JSON.stringify(res)).not.toContain(String(input['password']));
      expect((await api.ok<{ invitationPreview: { state: string } }>(PREVIEW, { token: input['token'] })).invitationPreview.state).toBe(
        'PENDING',
      );
    });

    it('adds the membership to an existing account once its current password is given', async () => {
      const invitation = await invite({ email: hub.emails.employerContact.toUpperCase(), role: 'SCHOOL_STAFF', schoolId: hub.schoolB.id });
      const token = tokenOf(invitation.id);
      expect((await api.ok<{ invitationPreview: { accountExists: boolean } }>(PREVIEW, { token })).invitationPreview.accountExists).toBe(
        true,
      );
      await rejects(ACCEPT, { input: { token } }, undefined, 'REQUIRED', 'input.password');
      const wrong = await rejects(
        ACCEPT,
        { input: { token, password: 'not my password at all' } },
        undefined,
        'INVALID_CREDENTIALS',
        'input.password',
      );
      expect(wrong.errors?.[0]?.message).toBe('The email or password is not right');
      const { acceptInvitation } = await api.ok<{ acceptInvitation: { accessToken: string; me: Record<string, unknown> } }>(ACCEPT, {
        input: { token, password: FIXTURE_PASSWORD },
      });
      expect(acceptInvitation.me).toMatchObject({
        userId: hub.principals.employerContact.userId,
        role: 'SCHOOL_STAFF',
        schoolId: hub.schoolB.id,
      });
      const mine = await api.ok<{ myMemberships: Array<{ role: string; current: boolean }> }>(
        MY_MEMBERSHIPS,
        {},
        acceptInvitation.accessToken,
      );
      expect(mine.myMemberships.map((m) => [m.role, m.current]).sort()).toEqual([
        ['EMPLOYER_CONTACT', false],
        ['SCHOOL_STAFF', true],
      ]);
      expect(await count('users', 'lower(email) = lower($1)', [hub.emails.employerContact])).toBe(1);
    });

    it('refuses revoked, expired, malformed and unknown links with their codes', async () => {
      const revoked = await invite({ email: email('revoked'), role: 'HUB_ADMIN' });
      await api.ok(REVOKE, { id: revoked.id }, hub.tokens.hubAdmin);
      await rejects(
        ACCEPT,
        { input: { token: tokenOf(revoked.id), password: 'a long new password' } },
        undefined,
        'INVITATION_REVOKED',
        'input.token',
      );
      const expired = await invite({ email: email('expired'), role: 'HUB_ADMIN' });
      // An hour past its expiry by the product's clock.
      await owner.query(`update invitations set expires_at = $2 where id = $1`, [
        expired.id,
        new Date(api.clock.now().getTime() - 3_600_000),
      ]);
      const res = await rejects(
        ACCEPT,
        { input: { token: tokenOf(expired.id), password: 'a long new password' } },
        undefined,
        'INVITATION_EXPIRED',
        'input.token',
      );
      expect(res.errors?.[0]?.message).toMatch(/^This invitation expired on \w+day \d+ \w+ \d{4} at \d\d:\d\d \((GMT|BST)\)/);
      expect(
        (await api.ok<{ invitationPreview: { state: string } }>(PREVIEW, { token: tokenOf(expired.id) })).invitationPreview.state,
      ).toBe('EXPIRED');
      for (const token of ['', 'not-a-token', tokenOf(randomUUID())]) {
        await rejects(ACCEPT, { input: { token, password: 'a long new password' } }, undefined, 'TOKEN_INVALID', 'input.token');
        const preview = await api.gql(PREVIEW, { token });
        expect(preview.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_INVALID', field: 'token' });
      }
    });

    it('refuses a link whose school was archived after the invitation was sent', async () => {
      const [school] = (
        await owner.query(
          `insert into schools (tenant_id, cluster_id, urn, name, phase) values ($1, $2, '999002', 'Soon Closed', 'secondary') returning id`,
          [hub.tenantId, hub.clusterA.id],
        )
      ).rows;
      const invitation = await invite({ email: email('late'), role: 'SCHOOL_STAFF', schoolId: school.id });
      await owner.query('update schools set archived_at = $2 where id = $1', [school.id, api.clock.now()]);
      await rejects(
        ACCEPT,
        { input: { token: tokenOf(invitation.id), password: 'a long new password' } },
        undefined,
        'CONFLICT',
        'input.token',
      );
    });
  });

  describe('revoke, resend, list', () => {
    it('resends as a fresh invitation (new id, link and email), revoking the old one', async () => {
      const first = await invite({ email: email('resend'), role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id }, hub.tokens.coordinator);
      const { resendInvitation: second } = await api.ok<{ resendInvitation: Invitation }>(RESEND, { id: first.id }, hub.tokens.coordinator);
      expect(second.id).not.toBe(first.id);
      expect(second).toMatchObject({ email: first.email, role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id, state: 'PENDING' });
      expect(await count('notification_outbox', 'dedupe_key = $1', [`mail.invitation.${second.id}`])).toBe(1);
      expect(
        await count('audit_log', `action = 'invitation.resent' and entity_id = $1 and detail->>'replacesInvitationId' = $2`, [
          second.id,
          first.id,
        ]),
      ).toBe(1);
      await rejects(
        ACCEPT,
        { input: { token: tokenOf(first.id), password: 'a long new password' } },
        undefined,
        'INVITATION_REVOKED',
        'input.token',
      );
      // An expired invitation can be resent too.
      await owner.query(`update invitations set expires_at = $2 where id = $1`, [
        second.id,
        new Date(api.clock.now().getTime() - 3_600_000),
      ]);
      const third = await api.ok<{ resendInvitation: Invitation }>(RESEND, { id: second.id }, hub.tokens.hubAdmin);
      expect(third.resendInvitation.state).toBe('PENDING');
    });

    it('limits revoke and resend to invitations the caller could have sent (NOT_FOUND otherwise)', async () => {
      const coordinatorInvite = await invite({ email: email('coord'), role: 'COORDINATOR', clusterId: hub.clusterA.id });
      const clusterBStaff = await invite({ email: email('b.staff'), role: 'SCHOOL_STAFF', schoolId: hub.schoolB.id });
      for (const [id, token] of [
        [coordinatorInvite.id, hub.tokens.coordinator],
        [clusterBStaff.id, hub.tokens.coordinator],
        [clusterBStaff.id, hub.tokens.schoolStaff],
        [clusterBStaff.id, other.tokens.hubAdmin],
        [randomUUID(), hub.tokens.hubAdmin],
      ] as const) {
        await rejects(REVOKE, { id }, token, 'NOT_FOUND', 'id');
        await rejects(RESEND, { id }, token, 'NOT_FOUND', 'id');
      }
      const done = await api.ok<{ revokeInvitation: Invitation }>(REVOKE, { id: clusterBStaff.id }, hub.tokens.coordinatorB);
      expect(done.revokeInvitation.state).toBe('REVOKED');
      expect(await count('audit_log', `action = 'invitation.revoked' and entity_id = $1`, [clusterBStaff.id])).toBe(1);
    });

    it('refuses to revoke or resend an accepted invitation', async () => {
      const invitation = await invite({ email: email('accepted'), role: 'HUB_ADMIN' });
      await api.ok(ACCEPT, { input: { token: tokenOf(invitation.id), password: 'a long new password' } });
      await rejects(REVOKE, { id: invitation.id }, hub.tokens.hubAdmin, 'CONFLICT', 'id');
      await rejects(RESEND, { id: invitation.id }, hub.tokens.hubAdmin, 'CONFLICT', 'id');
    });

    it('lists by state and role within scope, and pages', async () => {
      const ids = async (
        filter: Record<string, unknown>,
        token = hub.tokens.hubAdmin,
      ): Promise<Array<{ id: string; email: string; role: string; state: string }>> =>
        (
          await api.ok<{ invitations: { nodes: Array<{ id: string; email: string; role: string; state: string }> } }>(
            LIST,
            { filter, first: 100 },
            token,
          )
        ).invitations.nodes;
      const all = await ids({});
      for (const state of ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED']) {
        const some = await ids({ state });
        expect(some.length).toBeGreaterThan(0);
        expect(some.every((i) => i.state === state)).toBe(true);
      }
      expect((await ids({ role: 'COORDINATOR' })).every((i) => i.role === 'COORDINATOR')).toBe(true);
      expect((await ids({ search: 'RESEND' })).every((i) => i.email.startsWith('resend.'))).toBe(true);
      // A coordinator sees school-staff invitations of their cluster's schools and employer contacts; no hub admins or coordinators.
      const coordinatorView = await ids({}, hub.tokens.coordinator);
      expect(coordinatorView.length).toBeGreaterThan(0);
      expect(coordinatorView.length).toBeLessThan(all.length);
      expect(new Set(coordinatorView.map((i) => i.role))).toEqual(new Set(['SCHOOL_STAFF', 'EMPLOYER_CONTACT']));
      const [bStaff] = (
        await owner.query(`select id from invitations where tenant_id = $1 and school_id = $2 limit 1`, [hub.tenantId, hub.schoolB.id])
      ).rows;
      expect(coordinatorView.map((i) => i.id)).not.toContain(bStaff.id);
      expect(await ids({}, hub.tokens.schoolStaff)).toEqual([]);
      expect(await ids({}, other.tokens.hubAdmin)).toEqual([]);
      const page = await api.ok<{ invitations: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
        LIST,
        { first: 2 },
        hub.tokens.hubAdmin,
      );
      expect(page.invitations).toMatchObject({ totalCount: all.length, pageInfo: { hasNextPage: true } });
      expect(page.invitations.nodes).toHaveLength(2);
    });
  });

  describe('memberships', () => {
    it('shows hub admins every membership; a coordinator their cluster’s coordinators and schools’ staff; others none', async () => {
      const list = async (
        token: string,
        filter: Record<string, unknown> = {},
      ): Promise<Array<{ id: string; email: string; role: string; clusterId: string | null; schoolId: string | null }>> =>
        (
          await api.ok<{
            memberships: { nodes: Array<{ id: string; email: string; role: string; clusterId: string | null; schoolId: string | null }> };
          }>(MEMBERSHIPS, { filter, first: 100 }, token)
        ).memberships.nodes;
      const all = await list(hub.tokens.hubAdmin);
      expect(all.map((m) => m.id)).toEqual(
        expect.arrayContaining(Object.values(hub.principals).flatMap((p) => (p.membershipId ? [p.membershipId] : []))),
      );
      expect(all.find((m) => m.id === hub.principals.coordinator.membershipId)?.email).toBe(hub.emails.coordinator);
      const coordinatorView = await list(hub.tokens.coordinator);
      expect(coordinatorView.length).toBeGreaterThan(1);
      expect(coordinatorView.every((m) => m.clusterId === hub.clusterA.id || m.schoolId === hub.schoolA.id)).toBe(true);
      expect(coordinatorView.map((m) => m.id)).toEqual(
        expect.arrayContaining([hub.principals.coordinator.membershipId, hub.principals.schoolStaff.membershipId]),
      );
      expect(await list(hub.tokens.schoolStaff)).toEqual([]);
      expect(await list(hub.tokens.employerContact)).toEqual([]);
      expect((await list(hub.tokens.hubAdmin, { clusterId: hub.clusterB.id })).map((m) => m.role).sort()).toEqual([
        'COORDINATOR',
        'SCHOOL_STAFF',
      ]);
      expect((await list(hub.tokens.hubAdmin, { search: hub.emails.coordinatorB.toUpperCase() })).map((m) => m.id)).toEqual([
        hub.principals.coordinatorB.membershipId,
      ]);
      expect(await list(hub.tokens.hubAdmin, { clusterId: other.clusterA.id })).toEqual([]);
      const bad = await api.gql(MEMBERSHIPS, { filter: { schoolId: 'school-1' } }, hub.tokens.hubAdmin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.schoolId' });
    });

    it('archives a membership (hub admins only), ending its sessions at once', async () => {
      const address = email('leaver');
      const invitation = await invite({ email: address, role: 'COORDINATOR', clusterId: hub.clusterB.id });
      const { acceptInvitation } = await api.ok<{ acceptInvitation: { refreshToken: string; me: { membershipId: string } } }>(ACCEPT, {
        input: { token: tokenOf(invitation.id), password: 'a long new password' },
      });
      const membershipId = acceptInvitation.me.membershipId;
      await rejects(ARCHIVE_MEMBERSHIP, { id: membershipId }, hub.tokens.coordinator, 'NOT_FOUND', 'id');
      await rejects(ARCHIVE_MEMBERSHIP, { id: hub.principals.schoolStaff.membershipId }, hub.tokens.coordinator, 'FORBIDDEN', undefined);
      await rejects(ARCHIVE_MEMBERSHIP, { id: membershipId }, other.tokens.hubAdmin, 'NOT_FOUND', 'id');
      const done = await api.ok<{ archiveMembership: { archivedAt: string | null } }>(
        ARCHIVE_MEMBERSHIP,
        { id: membershipId },
        hub.tokens.hubAdmin,
      );
      expect(done.archiveMembership.archivedAt).not.toBeNull();
      expect(await count('refresh_sessions', 'membership_id = $1 and revoked_at is null', [membershipId])).toBe(0);
      expect((await api.gql(REFRESH, { refreshToken: acceptInvitation.refreshToken })).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      const login = await api.gql(LOGIN, { input: { email: address, password: 'a long new password' } });
      expect(login.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(
        await count('audit_log', `action = 'membership.archived' and entity_id = $1 and actor_user_id = $2`, [
          membershipId,
          hub.principals.hubAdmin.userId,
        ]),
      ).toBe(1);
      // Archiving again changes nothing.
      await api.ok(ARCHIVE_MEMBERSHIP, { id: membershipId }, hub.tokens.hubAdmin);
      expect(await count('audit_log', `action = 'membership.archived' and entity_id = $1`, [membershipId])).toBe(1);
    });

    it('never removes the hub’s last hub admin, whoever asks', async () => {
      const admins = (
        await owner.query(`select id from memberships where tenant_id = $1 and role = 'hub_admin' and archived_at is null`, [
          other.tenantId,
        ])
      ).rows;
      expect(admins).toHaveLength(1);
      const res = await rejects(
        ARCHIVE_MEMBERSHIP,
        { id: other.principals.hubAdmin.membershipId },
        other.tokens.hubAdmin,
        'CONFLICT',
        'id',
      );
      expect(res.errors?.[0]?.message).toMatch(/last hub admin/);
      // With a second hub admin, the first may step down.
      const second = await invite({ email: email('second.admin'), role: 'HUB_ADMIN' }, other.tokens.hubAdmin);
      await api.ok(ACCEPT, { input: { token: tokenOf(second.id), password: 'a long new password' } });
      await api.ok(ARCHIVE_MEMBERSHIP, { id: other.principals.hubAdmin.membershipId }, other.tokens.hubAdmin);
    });
  });
});

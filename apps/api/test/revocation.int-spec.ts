import { PASSWORD_RESET_LINK_PURPOSE } from '@tandem/features';
import { LinkTokens, TokenService } from '@tandem/platform';
import { Client } from 'pg';
import { createHubFixture, FIXTURE_PASSWORD, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';

/**
 * Finding 2 of issue 14 (access survived removal) and the password change/reset that issue asked
 * for: logout, removal from the hub, a role change, a password change or reset and a disabled
 * account each end access on the very next request, not when the 15-minute token expires.
 */

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const LOGOUT = `mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }`;
const ME = `{ me { userId role } }`;
const PUPILS = `query($schoolId: ID!) { pupils(schoolId: $schoolId, first: 5) { totalCount } }`;
const CREATE_PUPIL = `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`;
const ARCHIVE = `mutation($id: ID!) { archiveMembership(id: $id) { id archivedAt } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;

interface Session {
  accessToken: string;
  refreshToken: string;
}

let api: TestApi;
let hub: HubFixture;
let owner: Client;

beforeAll(async () => {
  api = await startTestApi();
  hub = await createHubFixture(api);
  owner = new Client({ connectionString: api.db.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await api?.close();
});

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await owner.query(text, params)).rows as T[];
const code = (res: GqlResult<unknown>): unknown => res.errors?.[0]?.extensions?.code;

async function logIn(email: string, password = FIXTURE_PASSWORD): Promise<Session> {
  return (await api.ok<{ login: Session }>(LOGIN, { input: { email, password } })).login;
}

async function newUser(
  role: 'school_staff' | 'coordinator',
  label: string,
): Promise<{ email: string; userId: string; membershipId: string }> {
  const email = `${label}.${hub.slug}@example.test`;
  const [user] = await sql<{ id: string }>(
    `insert into users (email, password_hash) select $1, password_hash from users where email = $2 returning id`,
    [email, hub.emails.schoolStaff],
  );
  const scope = role === 'school_staff' ? { col: 'school_id', id: hub.schoolA.id } : { col: 'cluster_id', id: hub.clusterA.id };
  const [m] = await sql<{ id: string }>(
    `insert into memberships (tenant_id, user_id, role, ${scope.col}) values ($1, $2, $3, $4) returning id`,
    [hub.tenantId, user?.id, role, scope.id],
  );
  return { email, userId: user?.id as string, membershipId: m?.id as string };
}

describe('access ends on the next request', () => {
  it('after logout: the access token of that session is refused, another session of the same user is not', async () => {
    const one = await logIn(hub.emails.coordinator);
    const two = await logIn(hub.emails.coordinator);
    expect(code(await api.gql(ME, {}, one.accessToken))).toBeUndefined();
    expect(await api.ok(LOGOUT, { refreshToken: one.refreshToken })).toEqual({ logout: true });
    expect(code(await api.gql(ME, {}, one.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await api.gql(ME, {}, two.accessToken))).toBeUndefined();
  });

  it('after removal from the hub: a removed school-staff user can neither read nor create pupils (finding 2)', async () => {
    const staff = await newUser('school_staff', 'removed-staff');
    const session = await logIn(staff.email);
    expect(code(await api.gql(PUPILS, { schoolId: hub.schoolA.id }, session.accessToken))).toBeUndefined();
    await api.ok(ARCHIVE, { id: staff.membershipId }, hub.tokens.hubAdmin);
    const read = await api.gql(PUPILS, { schoolId: hub.schoolA.id }, session.accessToken);
    expect(code(read)).toBe('UNAUTHENTICATED');
    const before = await sql<{ n: number }>('select count(*)::int as n from pupils where tenant_id = $1', [hub.tenantId]);
    const create = await api.gql(
      CREATE_PUPIL,
      { input: { schoolId: hub.schoolA.id, reference: 'GHOST-1', yearGroup: 9 } },
      session.accessToken,
    );
    expect(code(create)).toBe('UNAUTHENTICATED');
    expect(await sql('select count(*)::int as n from pupils where tenant_id = $1', [hub.tenantId])).toEqual(before);
    expect(code(await api.gql(REFRESH, { refreshToken: session.refreshToken }))).toBe('TOKEN_INVALID');
  });

  it('after a role change made by any path (here plain SQL): the old role’s token is refused', async () => {
    const coordinator = await newUser('coordinator', 'demoted');
    const session = await logIn(coordinator.email);
    expect(code(await api.gql(ME, {}, session.accessToken))).toBeUndefined();
    await sql(`update memberships set role = 'school_staff', cluster_id = null, school_id = $2 where id = $1`, [
      coordinator.membershipId,
      hub.schoolA.id,
    ]);
    expect(code(await api.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(await sql('select revoked_reason from auth_sessions where membership_id = $1', [coordinator.membershipId])).toEqual([
      { revoked_reason: 'membership_changed' },
    ]);
  });

  it('after the account is disabled', async () => {
    const staff = await newUser('school_staff', 'disabled');
    const session = await logIn(staff.email);
    await sql('update users set disabled_at = $2 where id = $1', [staff.userId, api.clock.now()]);
    expect(code(await api.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('refuses a well-signed token whose session never existed (a token minted with a leaked key but no log-in)', async () => {
    const forged = api.app
      .get(TokenService)
      .signAccessToken({ ...hub.principals.hubAdmin, sessionId: '00000000-0000-4000-8000-000000000000' }).token;
    expect(code(await api.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session and ends every other one', async () => {
    const user = await newUser('school_staff', 'changer');
    const here = await logIn(user.email);
    const elsewhere = await logIn(user.email);
    const wrong = await api.gql(
      CHANGE,
      { input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } },
      here.accessToken,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'input.currentPassword' });
    const weak = await api.gql(CHANGE, { input: { currentPassword: FIXTURE_PASSWORD, newPassword: 'short' } }, here.accessToken);
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.newPassword' });
    expect(code(await api.gql(ME, {}, elsewhere.accessToken))).toBeUndefined();

    expect(
      await api.ok(CHANGE, { input: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a brand new passphrase' } }, here.accessToken),
    ).toEqual({ changePassword: true });
    expect(code(await api.gql(ME, {}, here.accessToken))).toBeUndefined();
    expect(code(await api.gql(ME, {}, elsewhere.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await api.gql(REFRESH, { refreshToken: elsewhere.refreshToken }))).toBe('TOKEN_INVALID');
    expect(code(await api.gql(LOGIN, { input: { email: user.email, password: FIXTURE_PASSWORD } }))).toBe('INVALID_CREDENTIALS');
    await logIn(user.email, 'a brand new passphrase');
  });
});

describe('password reset', () => {
  async function resetTokenFor(userId: string): Promise<string> {
    const [row] = await sql<{ id: string; token_hash: string }>(
      'select id, token_hash from password_resets where user_id = $1 and used_at is null order by created_at desc limit 1',
      [userId],
    );
    if (!row) throw new Error('no reset row');
    return api.app.get(LinkTokens).derive(PASSWORD_RESET_LINK_PURPOSE, row.id, row.token_hash).token;
  }

  it('answers the same for unknown addresses, queues the email through the outbox, and stores only a hash', async () => {
    expect(await api.ok(REQUEST_RESET, { email: `nobody.${hub.slug}@example.test` })).toEqual({ requestPasswordReset: true });
    expect(await api.ok(REQUEST_RESET, { email: hub.emails.coordinatorB })).toEqual({ requestPasswordReset: true });
    const outbox = await sql<{ payload: { kind: string } }>(
      `select payload from notification_outbox where tenant_id = $1 and payload->>'kind' = 'password_reset'`,
      [hub.tenantId],
    );
    expect(outbox).toHaveLength(1);
    const [row] = await sql<{ token_hash: string }>('select token_hash from password_resets where user_id = $1', [
      hub.principals.coordinatorB.userId,
    ]);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('unlocks an account someone locked by guessing (finding 3), ends every session, and works once', async () => {
    const user = await newUser('school_staff', 'locked-out');
    const session = await logIn(user.email);
    await sql('delete from auth_throttle');
    for (let i = 0; i < 10; i++) await api.gql(LOGIN, { input: { email: user.email, password: 'attacker guess' } });
    expect(code(await api.gql(LOGIN, { input: { email: user.email, password: FIXTURE_PASSWORD } }))).toBe('TOO_MANY_ATTEMPTS');

    await api.ok(REQUEST_RESET, { email: user.email });
    const token = await resetTokenFor(user.userId);
    const weak = await api.gql(RESET, { input: { token, newPassword: 'short' } });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.newPassword' });
    expect(await api.ok(RESET, { input: { token, newPassword: 'recovered passphrase 42' } })).toEqual({ resetPassword: true });
    expect(code(await api.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    await logIn(user.email, 'recovered passphrase 42');
    const again = await api.gql(RESET, { input: { token, newPassword: 'another passphrase 43' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_INVALID', field: 'input.token' });
    await sql('delete from auth_throttle');
  });

  it('refuses forged, malformed and expired tokens with TOKEN_INVALID', async () => {
    for (const token of ['', 'garbage', `test.${'A'.repeat(43)}`, `retired.${'A'.repeat(43)}`]) {
      const res = await api.gql(RESET, { input: { token, newPassword: 'recovered passphrase 42' } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_INVALID', field: 'input.token' });
    }
    await api.ok(REQUEST_RESET, { email: hub.emails.employerContact });
    const token = await resetTokenFor(hub.principals.employerContact.userId);
    api.clock.advance(61 * 60_000); // past the link's hour
    expect(code(await api.gql(RESET, { input: { token, newPassword: 'recovered passphrase 42' } }))).toBe('TOKEN_INVALID');
  });

  it('throttles reset requests per address so nobody can mail-bomb an inbox', async () => {
    await sql('delete from auth_throttle');
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) codes.push(code(await api.gql(REQUEST_RESET, { email: hub.emails.coordinator })));
    expect(codes).toEqual([undefined, undefined, undefined, 'TOO_MANY_ATTEMPTS']);
    await sql('delete from auth_throttle');
  });
});

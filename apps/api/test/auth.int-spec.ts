import { createHash } from 'node:crypto';
import { hash as argonHash, parseOptions } from '@node-rs/argon2';
import { Client } from 'pg';
import { createHubFixture, FIXTURE_PASSWORD, type HubFixture } from '../src/testing/fixtures';
import { startTestApi, type GqlResult, type TestApi } from '../src/testing/test-api';
import { throttleBucket } from '@tandem/features';
import { PasswordHasher } from '@tandem/platform';

/** Log-in, refresh (rotation, reuse detection), log-out, me and memberships through the real API. */

const ME_FIELDS = 'userId email displayName tenantId tenantName tenantSlug role membershipId clusterId schoolId employerId';
const AUTH_FIELDS = `accessToken refreshToken accessTokenExpiresAt me { ${ME_FIELDS} }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${AUTH_FIELDS} } }`;
const LOGOUT = `mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
const ME = `{ me { ${ME_FIELDS} } }`;
const MY_MEMBERSHIPS = `{ myMemberships { membershipId tenantId tenantName tenantSlug role clusterId schoolId employerId current } }`;
const SWITCH = `mutation($membershipId: ID!, $refreshToken: String) { switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) { ${AUTH_FIELDS} } }`;

interface Me {
  userId: string;
  email: string;
  tenantId: string | null;
  tenantName: string | null;
  tenantSlug: string | null;
  role: string;
  membershipId: string | null;
  clusterId: string | null;
  schoolId: string | null;
  employerId: string | null;
}
interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  me: Me;
}

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates|argon2/i,
  );
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('auth', () => {
  let api: TestApi;
  let hub: HubFixture;
  let other: HubFixture;
  let owner: Client;

  const login = (email: string, password = FIXTURE_PASSWORD, tenantSlug?: string): Promise<GqlResult<{ login: AuthPayload }>> =>
    api.gql<{ login: AuthPayload }>(LOGIN, { input: { email, password, ...(tenantSlug ? { tenantSlug } : {}) } });
  const loggedIn = async (email: string, tenantSlug?: string): Promise<AuthPayload> => {
    const res = await login(email, FIXTURE_PASSWORD, tenantSlug);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return (res.data as { login: AuthPayload }).login;
  };
  const refresh = (refreshToken: string): Promise<GqlResult<{ refreshSession: AuthPayload }>> => api.gql(REFRESH, { refreshToken });
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    (await owner.query(text, params)).rows as T[];

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

  describe('login', () => {
    it('logs each role in with the scope of its membership, and the access token works', async () => {
      const expected = {
        hubAdmin: { role: 'HUB_ADMIN', clusterId: null, schoolId: null, employerId: null },
        coordinator: { role: 'COORDINATOR', clusterId: hub.clusterA.id, schoolId: null, employerId: null },
        schoolStaff: { role: 'SCHOOL_STAFF', clusterId: null, schoolId: hub.schoolA.id, employerId: null },
        employerContact: { role: 'EMPLOYER_CONTACT', clusterId: null, schoolId: null, employerId: hub.employer.id },
      } as const;
      for (const [who, scope] of Object.entries(expected) as Array<[keyof typeof expected, (typeof expected)[keyof typeof expected]]>) {
        const payload = await loggedIn(hub.emails[who]);
        expect(payload.me).toMatchObject({
          ...scope,
          userId: hub.principals[who].userId,
          email: hub.emails[who],
          tenantId: hub.tenantId,
          tenantSlug: hub.slug,
          membershipId: hub.principals[who].membershipId,
        });
        expect(payload.me.tenantName).toMatch(/^Test hub /);
        expect(new Date(payload.accessTokenExpiresAt).getTime()).toBe(api.clock.now().getTime() + 15 * 60_000);
        expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const me = await api.ok<{ me: Me }>(ME, {}, payload.accessToken);
        expect(me.me).toEqual(payload.me);
      }
    });

    it('stores only the hash of the refresh token, and records the log-in time', async () => {
      api.clock.advance(60_000);
      const payload = await loggedIn(hub.emails.schoolStaff);
      const rows = await sql<{ token_hash: string }>('select token_hash from refresh_sessions where token_hash = $1 or token_hash = $2', [
        sha256(payload.refreshToken),
        payload.refreshToken,
      ]);
      expect(rows.map((r) => r.token_hash)).toEqual([sha256(payload.refreshToken)]);
      const [user] = await sql<{ last_login_at: Date }>('select last_login_at from users where id = $1', [
        hub.principals.schoolStaff.userId,
      ]);
      expect(user.last_login_at.toISOString()).toBe(api.clock.now().toISOString());
    });

    it('lets a platform admin in without a hub, act in one with x-tenant-id, or name one with tenantSlug', async () => {
      const payload = await loggedIn(hub.emails.platformAdmin);
      expect(payload.me).toMatchObject({ role: 'PLATFORM_ADMIN', tenantId: null, tenantName: null, membershipId: null });
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${payload.accessToken}`, 'x-tenant-id': other.tenantId },
        body: JSON.stringify({ query: ME }),
      });
      expect(((await res.json()) as { data: { me: Me } }).data.me).toMatchObject({
        role: 'PLATFORM_ADMIN',
        tenantId: other.tenantId,
        tenantSlug: other.slug,
      });
      const inHub = await loggedIn(hub.emails.platformAdmin, other.slug);
      expect(inHub.me).toMatchObject({ role: 'PLATFORM_ADMIN', tenantId: other.tenantId, tenantSlug: other.slug, membershipId: null });
      // Platform sessions rotate too, keeping the hub chosen at log-in.
      const rotated = await api.ok<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken: inHub.refreshToken });
      expect(rotated.refreshSession.me).toMatchObject({ role: 'PLATFORM_ADMIN', tenantId: other.tenantId });
      expect((await refresh(inHub.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      expect((await refresh(rotated.refreshSession.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
    });

    it('gives an unknown email, a wrong password and a disabled account the same answer, after the same argon2 work', async () => {
      const disabled = await api.db.systemDb.createUser({
        email: `disabled.${hub.slug}@example.test`,
        passwordHash: (await api.db.systemDb.findUserByEmail(hub.emails.hubAdmin))?.passwordHash,
      });
      await api.db.systemDb.setDisabled(disabled.id, true);
      const cases = [
        ['unknown email', `nobody.${hub.slug}@example.test`, FIXTURE_PASSWORD],
        ['wrong password', hub.emails.coordinatorB, 'not the right password'],
        ['disabled account, right password', disabled.email, FIXTURE_PASSWORD],
      ] as const;
      const answers = new Set<string>();
      // The time a refusal takes is the argon2 verification: each case must do exactly one, with the
      // same parameters (watched on the API's own hasher, which still does the work). Timings are
      // printed, not asserted: on a shared machine they are noise.
      const verify = jest.spyOn(api.app.get(PasswordHasher), 'verify');
      const times: Record<string, number[]> = {};
      try {
        for (let round = 0; round < 3; round++) {
          for (const [label, email, password] of cases) {
            verify.mockClear();
            const started = performance.now();
            const res = await login(email, password);
            (times[label] ??= []).push(performance.now() - started);
            expect({
              label,
              verifications: verify.mock.calls.length,
              parameters: /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/.exec(String(verify.mock.calls[0]?.[0]))?.[0],
            }).toEqual({
              label,
              verifications: 1,
              parameters: expect.stringMatching(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$$/),
            });
            expect(res.data).toBeNull();
            expectNoLeaks(res);
            answers.add(JSON.stringify({ message: res.errors?.[0]?.message, extensions: res.errors?.[0]?.extensions }));
          }
        }
      } finally {
        verify.mockRestore();
      }
      expect([...answers]).toEqual([
        JSON.stringify({ message: 'The email or password is not right', extensions: { code: 'INVALID_CREDENTIALS' } }),
      ]);
      const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))]));
      console.log(`log-in refusal, median ms over 3: ${JSON.stringify(medians)}`);
      // These failures count towards each email's throttle; start clean for the tests below.
      await sql('delete from auth_throttle');
    });

    it.each([
      ['a malformed email', { email: 'not an email', password: 'x' }, 'INVALID_EMAIL', 'input.email'],
      ['an empty password', { email: 'a@example.org', password: '' }, 'REQUIRED', 'input.password'],
      ['a missing password', { email: 'a@example.org' }, 'BAD_REQUEST', 'input'],
    ])('refuses %s with its code and field, recording nothing', async (_label, input, code, field) => {
      const before = await sql<{ n: number }>('select coalesce(sum(attempts), 0)::int as n from auth_throttle');
      const res = await api.gql(LOGIN, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
      expectNoLeaks(res);
      expect(await sql('select coalesce(sum(attempts), 0)::int as n from auth_throttle')).toEqual(before);
    });

    it('re-hashes a password stored with weaker argon2 parameters at log-in', async () => {
      const user = await api.db.systemDb.createUser({
        email: `weak.${hub.slug}@example.test`,
        passwordHash: await argonHash(FIXTURE_PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 }),
      });
      await sql(`insert into memberships (tenant_id, user_id, role, employer_id) values ($1, $2, 'employer_contact', $3)`, [
        hub.tenantId,
        user.id,
        hub.employer.id,
      ]);
      await loggedIn(user.email);
      const stored = (await api.db.systemDb.findUserById(user.id))?.passwordHash ?? '';
      expect(parseOptions(stored)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
      await loggedIn(user.email); // the new hash still verifies
    });

    it('refuses an account with no live membership plainly', async () => {
      const lonely = await api.db.systemDb.createUser({
        email: `lonely.${hub.slug}@example.test`,
        passwordHash: (await api.db.systemDb.findUserByEmail(hub.emails.hubAdmin))?.passwordHash,
      });
      const res = await login(lonely.email);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/not part of any hub/);
    });
  });

  describe('several memberships', () => {
    let membershipInOther: string;
    beforeAll(async () => {
      // The coordinator of `hub` is also school staff in `other`.
      const [row] = await sql<{ id: string }>(
        `insert into memberships (tenant_id, user_id, role, school_id) values ($1, $2, 'school_staff', $3) returning id`,
        [other.tenantId, hub.principals.coordinator.userId, other.schoolA.id],
      );
      membershipInOther = row.id;
    });

    it('picks the widest role without a slug, the named hub with one, and refuses a hub they are not in', async () => {
      const plain = await loggedIn(hub.emails.coordinator);
      expect(plain.me).toMatchObject({ tenantId: hub.tenantId, role: 'COORDINATOR' });
      const inOther = await loggedIn(hub.emails.coordinator, other.slug.toUpperCase());
      expect(inOther.me).toMatchObject({
        tenantId: other.tenantId,
        role: 'SCHOOL_STAFF',
        schoolId: other.schoolA.id,
        membershipId: membershipInOther,
      });
      for (const slug of [`no-such-hub-${hub.slug}`]) {
        const res = await login(hub.emails.coordinator, FIXTURE_PASSWORD, slug);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.tenantSlug' });
      }
      const notMine = await login(hub.emails.schoolStaff, FIXTURE_PASSWORD, other.slug);
      expect(notMine.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.tenantSlug' });
    });

    it('lists every membership with the current one marked, and switches (ending the old session when asked)', async () => {
      const start = await loggedIn(hub.emails.coordinator);
      const list = await api.ok<{ myMemberships: Array<{ membershipId: string; tenantId: string; role: string; current: boolean }> }>(
        MY_MEMBERSHIPS,
        {},
        start.accessToken,
      );
      expect(list.myMemberships.map((m) => [m.tenantId, m.role, m.current])).toEqual([
        [hub.tenantId, 'COORDINATOR', true],
        [other.tenantId, 'SCHOOL_STAFF', false],
      ]);
      const switched = await api.ok<{ switchMembership: AuthPayload }>(
        SWITCH,
        { membershipId: membershipInOther, refreshToken: start.refreshToken },
        start.accessToken,
      );
      expect(switched.switchMembership.me).toMatchObject({ tenantId: other.tenantId, role: 'SCHOOL_STAFF', schoolId: other.schoolA.id });
      const after = await api.ok<{ myMemberships: Array<{ membershipId: string; current: boolean }> }>(
        MY_MEMBERSHIPS,
        {},
        switched.switchMembership.accessToken,
      );
      expect(after.myMemberships.find((m) => m.current)?.membershipId).toBe(membershipInOther);
      expect((await refresh(start.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      expect((await refresh(switched.switchMembership.refreshToken)).errors).toBeUndefined();
    });

    it('refuses to switch to someone else’s membership, or an unknown one, as NOT_FOUND', async () => {
      const start = await loggedIn(hub.emails.schoolStaff);
      for (const membershipId of [hub.principals.hubAdmin.membershipId, membershipInOther, 'not-an-id']) {
        const res = await api.gql(SWITCH, { membershipId }, start.accessToken);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'membershipId' });
        expect(JSON.stringify(res)).not.toContain(String(membershipId));
      }
    });
  });

  describe('refresh', () => {
    it('rotates: a new pair each time, the old refresh token single-use', async () => {
      const first = await loggedIn(hub.emails.employerContact);
      const second = (await api.ok<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken: first.refreshToken })).refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.me).toEqual(first.me);
      const rows = await sql<{ revoked_at: Date | null; replaced_by_id: string | null }>(
        'select revoked_at, replaced_by_id from refresh_sessions where token_hash = $1',
        [sha256(first.refreshToken)],
      );
      expect(rows[0].revoked_at).not.toBeNull();
      expect(rows[0].replaced_by_id).not.toBeNull();
      const third = (await api.ok<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken: second.refreshToken })).refreshSession;
      expect((await api.ok<{ me: Me }>(ME, {}, third.accessToken)).me.userId).toBe(hub.principals.employerContact.userId);
    });

    it('detects reuse: an already-rotated token ends the whole chain, newest token included, and is audited', async () => {
      const first = await loggedIn(hub.emails.hubAdmin);
      const second = (await api.ok<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken: first.refreshToken })).refreshSession;
      const third = (await api.ok<{ refreshSession: AuthPayload }>(REFRESH, { refreshToken: second.refreshToken })).refreshSession;
      const reuse = await refresh(first.refreshToken);
      expect(reuse.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_INVALID', field: 'refreshToken' });
      expect(reuse.errors?.[0]?.message).toMatch(/used twice/);
      const newest = await refresh(third.refreshToken);
      expect(newest.errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      const live = await sql<{ n: number }>(
        'select count(*)::int as n from refresh_sessions where token_hash = any($1) and revoked_at is null',
        [[first, second, third].map((p) => sha256(p.refreshToken))],
      );
      expect(live[0].n).toBe(0);
      const audit = await sql<{ action: string }>(
        `select action from audit_log where tenant_id = $1 and action = 'session.refresh_token_reused'`,
        [hub.tenantId],
      );
      expect(audit.length).toBeGreaterThanOrEqual(1);
      // Another session of the same user is untouched.
      const elsewhere = await loggedIn(hub.emails.hubAdmin);
      expect((await refresh(elsewhere.refreshToken)).errors).toBeUndefined();
    });

    it('refuses malformed, unknown and expired tokens with their codes', async () => {
      for (const token of ['', 'short', 'x'.repeat(43)]) {
        const res = await refresh(token);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_INVALID', field: 'refreshToken' });
        expectNoLeaks(res);
      }
      const payload = await loggedIn(hub.emails.coordinatorB);
      // Refresh tokens live 30 days: a minute past that, the token has expired.
      const loggedInAt = api.clock.now();
      try {
        api.clock.advance(30 * 86_400_000 + 60_000);
        expect((await refresh(payload.refreshToken)).errors?.[0]?.extensions).toMatchObject({
          code: 'TOKEN_EXPIRED',
          field: 'refreshToken',
        });
      } finally {
        api.clock.set(loggedInAt);
      }
    });

    it('refuses refresh for a user disabled since log-in, and `me` answers UNAUTHENTICATED', async () => {
      const user = await api.db.systemDb.createUser({
        email: `soon.disabled.${hub.slug}@example.test`,
        passwordHash: (await api.db.systemDb.findUserByEmail(hub.emails.hubAdmin))?.passwordHash,
      });
      await sql(`insert into memberships (tenant_id, user_id, role, school_id) values ($1, $2, 'school_staff', $3)`, [
        hub.tenantId,
        user.id,
        hub.schoolB.id,
      ]);
      const payload = await loggedIn(user.email);
      await api.db.systemDb.setDisabled(user.id, true);
      expect((await refresh(payload.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      expect((await api.gql(ME, {}, payload.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('logout', () => {
    it('ends the session: true once, false after, and the refresh token is refused', async () => {
      const payload = await loggedIn(hub.emails.schoolStaff);
      expect(await api.ok<{ logout: boolean }>(LOGOUT, { refreshToken: payload.refreshToken })).toEqual({ logout: true });
      expect(await api.ok<{ logout: boolean }>(LOGOUT, { refreshToken: payload.refreshToken })).toEqual({ logout: false });
      expect((await refresh(payload.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
      expect(await api.ok<{ logout: boolean }>(LOGOUT, { refreshToken: 'nonsense' })).toEqual({ logout: false });
    });

    it('logs a platform admin out too', async () => {
      const payload = await loggedIn(hub.emails.platformAdmin);
      expect(await api.ok<{ logout: boolean }>(LOGOUT, { refreshToken: payload.refreshToken })).toEqual({ logout: true });
      expect((await refresh(payload.refreshToken)).errors?.[0]?.extensions?.code).toBe('TOKEN_INVALID');
    });
  });

  describe('throttling', () => {
    const bucket = (kind: string, subject: string): string => throttleBucket(kind as never, subject);

    it('refuses log-in for an account after 10 failures in 15 minutes, even with the right password, then lets it in again', async () => {
      const email = hub.emails.coordinatorB;
      await sql('delete from auth_throttle');
      for (let i = 0; i < 10; i++)
        expect((await login(email, 'wrong password again')).errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
      const blocked = await login(email);
      expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: 'input.email' });
      expect(blocked.errors?.[0]?.message).toMatch(/Try again in 15 minutes, or reset your password/);
      // Another account is not affected.
      await loggedIn(hub.emails.hubAdmin);
      // Unknown emails are throttled the same way (the block reveals nothing).
      const unknown = `ghost.${hub.slug}@example.test`;
      for (let i = 0; i < 10; i++) await login(unknown, 'guess');
      expect((await login(unknown, 'guess')).errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
      // Sixteen minutes later the window has passed; success clears the account's count.
      await sql(`update auth_throttle set window_started_at = window_started_at - interval '16 minutes' where bucket = $1`, [
        bucket('account', email),
      ]);
      await loggedIn(email);
      expect(await sql('select count(*)::int as n from auth_throttle where bucket = $1', [bucket('account', email)])).toEqual([{ n: 0 }]);
      await sql('delete from auth_throttle');
    });

    it('lets no more than 10 of 16 parallel wrong passwords for one account reach the password check (finding 3)', async () => {
      await sql('delete from auth_throttle');
      const email = hub.emails.coordinatorB;
      const answers = await Promise.all(Array.from({ length: 16 }, () => login(email, 'parallel wrong guess')));
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(6);
      await sql('delete from auth_throttle');
    });

    it('limits one source address spraying one password over many accounts (finding 3)', async () => {
      await sql('delete from auth_throttle');
      const codes: unknown[] = [];
      for (let i = 0; i < 52; i++)
        codes.push((await login(`spray-${i}.${hub.slug}@example.test`, 'Summer2026!')).errors?.[0]?.extensions?.code);
      expect(codes.slice(0, 50).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
      expect(codes.slice(50)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
      // Even a right password from that address waits: the address is spent, not the account.
      expect((await login(hub.emails.hubAdmin)).errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
      await sql('delete from auth_throttle');
    });
  });

  it('answers `me` without a token with UNAUTHENTICATED', async () => {
    const res = await api.gql(ME);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

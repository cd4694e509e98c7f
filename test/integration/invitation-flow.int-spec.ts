/**
 * Invitation by emailed link, end to end on real parts: a hub admin invites through the API → the
 * outbox row reaches the worker's relay, BullMQ on Redis and the mail processor → the email arrives
 * at a real SMTP server → the link in it is previewed and accepted through the API → the new user
 * logs in with the password they chose and sees exactly their scope. A used, an expired and a
 * revoked link are refused.
 */
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { Client } from 'pg';

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email state } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id state } }`;
const PREVIEW = `query($token: String!) { invitationPreview(token: $token) { hubName role email state accountExists } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken me { email role schoolId } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken me { userId email displayName tenantId tenantName role clusterId schoolId employerId } } }`;
const ME = `{ me { email role tenantId clusterId schoolId employerId } }`;
const SCHOOLS_SEEN = `{ clusters { nodes { id } } memberships { totalCount } }`;

let api: TestApi;
let worker: TestWorker;
let sink: SmtpSink;
let hub: HubFixture;
let owner: Client;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url });
  worker = await startTestWorker(api, { smtpUrl: sink.url, relay: { pollIntervalMs: 50 } });
  hub = await createHubFixture(api);
  owner = new Client({ connectionString: api.db.ownerUrl });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await worker?.close();
  await api?.close();
  await sink?.close();
});

/** The accept link in an invitation email, and the token in it. */
function linkIn(message: SinkMessage): { url: string; token: string } {
  const url = /(http:\/\/admin\.test\/invitations\/accept\?token=[A-Za-z0-9_.%-]+)/.exec(message.text)?.[1];
  if (!url) throw new Error(`no accept link in: ${message.text}`);
  return { url, token: decodeURIComponent(new URL(url).searchParams.get('token') ?? '') };
}

async function inviteAndReceive(
  email: string,
  input: Record<string, unknown>,
): Promise<{ id: string; token: string; message: SinkMessage }> {
  const { inviteUser } = await api.ok<{ inviteUser: { id: string } }>(INVITE, { input: { email, ...input } }, hub.tokens.hubAdmin);
  const message = await sink.waitFor((m) => m.to.includes(email), 10_000);
  return { id: inviteUser.id, token: linkIn(message).token, message };
}

it('hub admin invites → the email arrives → the invitee previews, accepts, logs in and sees their scope', async () => {
  const email = 'sam.staff@northfield.example.org';
  const { token, message } = await inviteAndReceive(email, { role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id });
  expect(message.subject).toMatch(/invited you to Test hub .* on Tandem/);
  expect(message.text).toContain('School staff');

  const preview = await api.ok<{ invitationPreview: Record<string, unknown> }>(PREVIEW, { token });
  expect(preview.invitationPreview).toMatchObject({
    role: 'SCHOOL_STAFF',
    email,
    state: 'PENDING',
    accountExists: false,
    hubName: expect.stringMatching(/^Test hub /),
  });

  const accepted = await api.ok<{ acceptInvitation: { accessToken: string; me: Record<string, unknown> } }>(ACCEPT, {
    input: { token, password: 'northfield careers 2026', displayName: 'Sam Staff' },
  });
  expect(accepted.acceptInvitation.me).toEqual({ email, role: 'SCHOOL_STAFF', schoolId: hub.schoolA.id });

  const { login } = await api.ok<{ login: { accessToken: string; me: Record<string, unknown> } }>(LOGIN, {
    input: { email: email.toUpperCase(), password: 'northfield careers 2026' },
  });
  expect(login.me).toMatchObject({
    email,
    displayName: 'Sam Staff',
    tenantId: hub.tenantId,
    role: 'SCHOOL_STAFF',
    clusterId: null,
    schoolId: hub.schoolA.id,
    employerId: null,
  });
  const me = await api.ok<{ me: Record<string, unknown> }>(ME, {}, login.accessToken);
  expect(me.me).toEqual({
    email,
    role: 'SCHOOL_STAFF',
    tenantId: hub.tenantId,
    clusterId: null,
    schoolId: hub.schoolA.id,
    employerId: null,
  });
  // Their scope in practice: their school's cluster only, and no one's memberships.
  const seen = await api.ok<{ clusters: { nodes: { id: string }[] }; memberships: { totalCount: number } }>(
    SCHOOLS_SEEN,
    {},
    login.accessToken,
  );
  expect(seen.clusters.nodes.map((c) => c.id)).toEqual([hub.clusterA.id]);
  expect(seen.memberships.totalCount).toBe(0);

  // The same link again is refused, and nothing more is written.
  const users = (await owner.query('select count(*)::int as n from users')).rows[0].n;
  const again = await api.gql(ACCEPT, { input: { token, password: 'northfield careers 2026' } });
  expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVITATION_ALREADY_USED', field: 'input.token' });
  expect((await owner.query('select count(*)::int as n from users')).rows[0].n).toBe(users);
  // Exactly one email was sent for the invitation.
  expect(sink.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
});

it('refuses an emailed link once it has expired', async () => {
  const { id, token } = await inviteAndReceive('late.coordinator@example.org', { role: 'COORDINATOR', clusterId: hub.clusterB.id });
  // A minute past its expiry by the product's clock.
  await owner.query(`update invitations set expires_at = $2 where id = $1`, [id, new Date(api.clock.now().getTime() - 60_000)]);
  const res = await api.gql(ACCEPT, { input: { token, password: 'a perfectly good password' } });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVITATION_EXPIRED', field: 'input.token' });
  expect((await api.ok<{ invitationPreview: { state: string } }>(PREVIEW, { token })).invitationPreview.state).toBe('EXPIRED');
  expect((await owner.query('select count(*)::int as n from users where email = $1', ['late.coordinator@example.org'])).rows[0].n).toBe(0);
});

it('refuses an emailed link once the invitation has been revoked', async () => {
  const { id, token } = await inviteAndReceive('withdrawn.contact@example.org', { role: 'EMPLOYER_CONTACT', employerId: hub.employer.id });
  await api.ok(REVOKE, { id }, hub.tokens.hubAdmin);
  const res = await api.gql(ACCEPT, { input: { token, password: 'a perfectly good password' } });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVITATION_REVOKED', field: 'input.token' });
  expect(
    (
      await owner.query('select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = $1', [
        'withdrawn.contact@example.org',
      ])
    ).rows[0].n,
  ).toBe(0);
});

it('sends a resent invitation as a second email whose link works while the first no longer does', async () => {
  const email = 'twice.asked@example.org';
  const first = await inviteAndReceive(email, { role: 'SCHOOL_STAFF', schoolId: hub.schoolB.id });
  const { resendInvitation } = await api.ok<{ resendInvitation: { id: string } }>(
    `mutation($id: ID!) { resendInvitation(id: $id) { id } }`,
    { id: first.id },
    hub.tokens.hubAdmin,
  );
  const second = await sink.waitFor((m) => m.to.includes(email) && m.seq > first.message.seq, 10_000);
  const { token } = linkIn(second);
  expect(token).not.toBe(first.token);
  expect(
    (await api.gql(ACCEPT, { input: { token: first.token, password: 'a perfectly good password' } })).errors?.[0]?.extensions?.code,
  ).toBe('INVITATION_REVOKED');
  const accepted = await api.ok<{ acceptInvitation: { me: { schoolId: string } } }>(ACCEPT, {
    input: { token, password: 'a perfectly good password' },
  });
  expect(accepted.acceptInvitation.me.schoolId).toBe(hub.schoolB.id);
  expect(resendInvitation.id).not.toBe(first.id);
});

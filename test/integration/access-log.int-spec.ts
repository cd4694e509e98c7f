/**
 * Issue 15, finding 3: 2,250 GraphQL requests wrote 0 log lines. Now every request writes exactly
 * one JSON access-log line: its request id (the caller's `x-request-id`, echoed back, or a new
 * one), the tenant of a signed-in caller, route, GraphQL operation, status, duration and outcome,
 * and nothing a person typed.
 */
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';

let api: TestApi;
let hub: HubFixture;
const stdout: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  api = await startTestApi({ env: { LOG_LEVEL: 'info' } });
  hub = await createHubFixture(api);
}, 60_000);

afterAll(async () => {
  process.stdout.write = write;
  await api?.close();
});

type Entry = Record<string, unknown>;
function accessLines(): Entry[] {
  return stdout
    .join('')
    .split('\n')
    .filter((l) => l.includes('"context":"access"'))
    .map((l) => JSON.parse(l) as Entry);
}

async function post(id: string, body: unknown, token?: string, type = 'application/json'): Promise<Response> {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-request-id': id, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

it('writes exactly one line per request, N requests of every kind giving N lines, with the request id echoed', async () => {
  const secretEmail = hub.emails.coordinatorB;
  const sent: Array<{ id: string; res: Response }> = [];
  const send = async (id: string, res: Promise<Response>): Promise<void> => {
    sent.push({ id, res: await res });
  };
  for (let i = 0; i < 10; i++)
    await send(
      `acc-me-${i}`,
      post(`acc-me-${i}`, { query: 'query Me { me { userId email } }', operationName: 'Me' }, hub.tokens.coordinator),
    );
  for (let i = 0; i < 5; i++)
    await send(
      `acc-anon-${i}`,
      post(`acc-anon-${i}`, {
        query: 'query($id: ID!) { pupil(id: $id) { reference } }',
        variables: { id: '00000000-0000-4000-8000-000000000000' },
      }),
    );
  // A log-in with a real address and a wrong password: the address is a variable, never logged.
  await send(
    'acc-login',
    post('acc-login', {
      query: 'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { email: secretEmail, password: 'not the password' } },
    }),
  );
  await send('acc-invalid', post('acc-invalid', { query: '{ noSuchField }' }));
  await send('acc-health', fetch(`${api.url}/health`, { headers: { 'x-request-id': 'acc-health' } }));
  await send(
    'acc-404',
    fetch(`${api.url}/no/such/page?email=${encodeURIComponent(secretEmail)}`, { headers: { 'x-request-id': 'acc-404' } }),
  );
  await send('acc-csv', post('acc-csv', 'UPN,Name\n', undefined, 'text/csv'));
  const n = sent.length;
  expect(n).toBe(20);
  for (const { id, res } of sent) expect(res.headers.get('x-request-id')).toBe(id);

  // Lines are written when the response is finished: the last one may trail the client by a tick.
  const ours = async (): Promise<Entry[]> => accessLines().filter((e) => String(e['requestId']).startsWith('acc-'));
  for (let i = 0; i < 100 && (await ours()).length < n; i++) await new Promise((r) => setImmediate(r));
  const lines = await ours();
  expect(lines).toHaveLength(n);
  expect(new Set(lines.map((e) => e['requestId'])).size).toBe(n);

  const byId = new Map(lines.map((e) => [e['requestId'] as string, e]));
  expect(byId.get('acc-me-0')).toMatchObject({
    level: 'info',
    msg: 'request',
    method: 'POST',
    route: '/graphql',
    status: 200,
    operation: 'me',
    operationName: 'Me',
    outcome: 'ok',
    tenantId: hub.tenantId,
  });
  expect(typeof byId.get('acc-me-0')?.['durationMs']).toBe('number');
  expect(byId.get('acc-anon-0')).toMatchObject({ operation: 'pupil', outcome: 'error', code: 'UNAUTHENTICATED' });
  expect(byId.get('acc-anon-0')?.['tenantId']).toBeUndefined();
  expect(byId.get('acc-login')).toMatchObject({ operation: 'login', operationName: 'L', outcome: 'error' });
  expect(byId.get('acc-invalid')).toMatchObject({ operation: 'invalid', outcome: 'error', code: 'BAD_REQUEST' });
  expect(byId.get('acc-health')).toMatchObject({ method: 'GET', route: '/health', status: 200, outcome: 'ok' });
  expect(byId.get('acc-404')).toMatchObject({ route: '(unmatched)', status: 404, outcome: 'error', code: 'HTTP_404' });
  expect(byId.get('acc-csv')).toMatchObject({ route: '/graphql', status: 415, code: 'HTTP_415' });

  // Nothing a person typed: no address (in a variable, in a query string), no variables, no URL.
  const text = JSON.stringify(lines);
  expect(text).not.toContain(secretEmail);
  expect(text).not.toContain('not the password');
  expect(text).not.toContain('variables');
  expect(text).not.toContain('/no/such/page');
});

it('gives a request without an id a new one, echoed and logged', async () => {
  const res = await fetch(`${api.url}/health`);
  const id = res.headers.get('x-request-id') as string;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get('x-correlation-id')).toBe(id);
  for (let i = 0; i < 100 && !accessLines().some((e) => e['requestId'] === id); i++) await new Promise((r) => setImmediate(r));
  expect(accessLines().filter((e) => e['requestId'] === id)).toHaveLength(1);
});

import { Client } from 'pg';
import { startTestApi, type TestApi } from '../src/testing/test-api';

const row0 = <T>(rows: T[]): T => rows[0] as T;

describe('API process', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('reports PostgreSQL (at the schema version the code needs) and the queue healthy on /health/ready and /health', async () => {
    for (const path of ['/health/ready', '/health']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        database: { ok: boolean; current: number; required: number };
        queue: { ok: boolean };
      };
      expect(body).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
      // The newest migration the code ships (at least the one that added app_schema_version()) has run.
      expect(body.database.required).toBeGreaterThanOrEqual(1760000015000);
      expect(body.database.current).toBe(body.database.required);
    }
  });

  it('/health/live answers without touching PostgreSQL or Redis', async () => {
    const res = await fetch(`${api.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is not ready while the schema is older than the code needs, and ready again once migrated', async () => {
    const owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
    try {
      // As if the newest migration had not run yet (the code was deployed before the migration Job).
      const { rows } = await owner.query<{ id: number; timestamp: string; name: string }>(
        'delete from schema_migrations where timestamp = (select max(timestamp) from schema_migrations) returning id, timestamp, name',
      );
      expect(rows).toHaveLength(1);
      try {
        const res = await fetch(`${api.url}/health/ready`);
        expect(res.status).toBe(503);
        const body = (await res.json()) as { status: string; database: { ok: boolean; error: string } };
        expect(body).toMatchObject({ status: 'unavailable', database: { ok: false, required: Number(row0(rows).timestamp) } });
        expect(body.database.error).toMatch(/the code needs \d+/);
        expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
      } finally {
        const [row] = rows;
        await owner.query('insert into schema_migrations (id, timestamp, name) values ($1, $2, $3)', [row?.id, row?.timestamp, row?.name]);
      }
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    } finally {
      await owner.end();
    }
  });

  it('serves GraphQL without a log-in only for public fields', async () => {
    const data = await api.ok<{ apiVersion: string }>('{ apiVersion }');
    expect(data.apiVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers a malformed query with BAD_REQUEST and no stack trace', async () => {
    const res = await api.gql('{ apiVersion(');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(res)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('headers on every response (issue 14, finding 11)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('nosniff, no framing, no referrer, a CSP and no caching on /graphql, /health, errors and the upload path', async () => {
    const responses = [
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ apiVersion }' }),
      }),
      await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ not json' }),
      await fetch(`${api.url}/health`),
      await fetch(`${api.url}/imports/pupils`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'UPN\n' }),
      await fetch(`${api.url}/no-such-path`),
    ];
    for (const res of responses) {
      expect({ url: res.url, nosniff: res.headers.get('x-content-type-options') }).toEqual({ url: res.url, nosniff: 'nosniff' });
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('CORS: the admin app’s origin only, and never with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const app = await preflight(api.config.publicAppUrl);
    expect(app.headers.get('access-control-allow-origin')).toBe(api.config.publicAppUrl);
    expect(app.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

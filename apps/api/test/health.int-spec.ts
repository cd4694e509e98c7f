import { startTestApi, type TestApi } from '../src/testing/test-api';

describe('API process', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('reports PostgreSQL and the queue healthy on /health', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { ok: boolean }; queue: { ok: boolean } };
    expect(body).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
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

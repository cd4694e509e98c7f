/**
 * Integration-test harness for the API: a real Nest + Fastify server on a random port, over a
 * fresh PostgreSQL database cloned from the migrated template, real Redis (a unique key prefix per
 * server) and, when given, a real SMTP sink.
 *
 *   let api: TestApi;
 *   beforeAll(async () => { api = await startTestApi(); });
 *   afterAll(() => api.close());
 *   const hub = await createHubFixture(api);
 *   const res = await api.gql('{ me { email } }', {}, hub.tokens.coordinator);
 */
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ManualClock } from '@tandem/domain';
import { AppConfig, MetricsModule, TokenService, type JsonLogger, type Principal } from '@tandem/platform';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { createApiApp } from '../bootstrap';

/** Fresh keys per test process: nothing a test signs with is committed. */
export const TEST_ACCESS_TOKEN_KEYS = `test:${randomBytes(32).toString('base64url')}`;
export const TEST_LINK_KEYS = `test:${randomBytes(32).toString('base64url')}`;

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; details?: { field: string; code: string; message: string }[]; [k: string]: unknown };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
}

export interface TestApi {
  url: string;
  /** GET here for the Prometheus text (the API's metrics port, apart from `url`). */
  metricsUrl: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The product's clock, shared with the worker and the database (`db.clock`): set it, never read the machine's. */
  clock: ManualClock;
  config: AppConfig;
  /** The BullMQ key prefix this server uses (a worker in the same test must use it too). */
  queuePrefix: string;
  /** POST /graphql; `token` becomes `Authorization: Bearer …`. Never throws on GraphQL errors. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Like gql, but fails the test with the errors when there are any; returns `data`. */
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Like gql, but expects an error and returns the first one. */
  fails(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlError>;
  /** POST /imports/pupils with a CSV body (the upload path beside /graphql); answers like gql. */
  uploadPupilCsv<T = Record<string, unknown>>(csv: string, query: Record<string, string>, token?: string): Promise<GqlResult<T>>;
  /** A log-in without the round trip: an auth_sessions row for the principal, returned with its sessionId. */
  startSession(principal: Principal): Promise<Principal & { sessionId: string }>;
  /** Signs an access token, at the API clock's time, for a principal with a session (startSession). */
  tokenFor(principal: Principal): string;
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  /** Use an existing test database (else a fresh one is created and dropped on close). */
  db?: TestDatabase;
  /** SMTP server for outgoing mail (e.g. `smtp://127.0.0.1:${sink.port}`). */
  smtpUrl?: string;
  /** Extra environment for AppConfig (e.g. ACCESS_TOKEN_TTL_SECONDS). */
  env?: Record<string, string>;
  /** The product's clock (default: a new one at TEST_START); ignored when `db` is given (it has its own). */
  clock?: ManualClock;
  /** Where the API logs (default: nowhere); e.g. a JsonLogger writing into an array. */
  logger?: JsonLogger;
}

export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const db = options.db ?? (await createTestDatabase({ clock: options.clock }));
  const queuePrefix = `test-${randomBytes(6).toString('hex')}`;
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:1',
    ACCESS_TOKEN_KEYS: TEST_ACCESS_TOKEN_KEYS,
    LINK_KEYS: TEST_LINK_KEYS,
    PUBLIC_APP_URL: 'http://admin.test',
    LOG_LEVEL: 'fatal',
    METRICS_PORT: '0',
    ...options.env,
  });
  const app = await createApiApp(
    {
      config,
      clock: db.clock,
      dataSource: db.appDataSource,
      queue: { backend: 'redis', redisUrl: config.redisUrl, prefix: queuePrefix },
    },
    options.logger,
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const metricsUrl = `http://127.0.0.1:${app.get(MetricsModule).serverPort}/metrics`;
  const tokens = app.get(TokenService);

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };

  const uploadPupilCsv = async <T>(csv: string, query: Record<string, string>, token?: string): Promise<GqlResult<T>> => {
    const res = await fetch(`${url}/imports/pupils?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: csv,
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };

  return {
    url,
    metricsUrl,
    app,
    uploadPupilCsv,
    db,
    clock: db.clock,
    config,
    queuePrefix,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    async fails(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlError> {
      const res = await gql(query, variables, token);
      if (!res.errors?.length) throw new Error(`Expected a GraphQL error, got data: ${JSON.stringify(res.data)}`);
      return res.errors[0] as GqlError;
    },
    async startSession(principal) {
      // Far in the future: tests move the clock by months.
      const rows: Array<{ id: string }> = await db.appDataSource.query(
        `insert into auth_sessions (user_id, acting_tenant_id, membership_id, expires_at) values ($1, $2, $3, $4::timestamptz + interval '100 years') returning id`,
        [principal.userId, principal.tenantId, principal.membershipId, db.clock.now()],
      );
      return { ...principal, sessionId: (rows[0] as { id: string }).id };
    },
    tokenFor(principal) {
      if (!principal.sessionId)
        throw new Error('tokenFor needs a principal with a session: use api.startSession (fixture principals have one)');
      return tokens.signAccessToken({ ...principal, sessionId: principal.sessionId }).token;
    },
    async close() {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}

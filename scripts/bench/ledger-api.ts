/**
 * The API process for `npm run bench:ledger` (scripts/bench/ledger.ts forks it): the real Nest + Fastify
 * + GraphQL app on the bench database, in its own process so the benchmark's client does not share its
 * event loop. Over the IPC channel it signs access tokens and, on request, records the SQL its own
 * connection runs (the raw-SQL baseline replays exactly that).
 */
import { randomBytes } from 'node:crypto';
import { createDataSource } from '@tandem/persistence';
import { AppConfig, TokenService, type Principal } from '@tandem/platform';
import type { Logger } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';

export type ToApi = { type: 'token'; principal: Principal } | { type: 'capture'; on: boolean } | { type: 'stop' };
export type FromApi =
  | { type: 'ready'; port: number }
  | { type: 'token'; token: string }
  | { type: 'captured'; queries: Array<{ sql: string; params: unknown[] }> };

class CaptureLogger implements Logger {
  on = false;
  queries: Array<{ sql: string; params: unknown[] }> = [];
  logQuery(sql: string, params?: unknown[]): void {
    if (this.on) this.queries.push({ sql, params: params ?? [] });
  }
  logQueryError(): void {
    // only the queries themselves are recorded
  }
  logQuerySlow(): void {
    // as above
  }
  logSchemaBuild(): void {
    // as above
  }
  logMigration(): void {
    // as above
  }
  log(): void {
    // as above
  }
}

async function main(): Promise<void> {
  const [appUrl, ownerUrl] = process.argv.slice(2);
  const send = (m: FromApi): void => {
    process.send?.(m);
  };
  const capture = new CaptureLogger();
  const dataSource = createDataSource({ url: appUrl, role: 'app', poolSize: 10, applicationName: 'tandem-bench-api' });
  dataSource.setOptions({ logger: capture, logging: ['query'] });
  await dataSource.initialize();
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test', // production would refuse the test database's committed role passwords
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    SMTP_URL: 'smtp://127.0.0.1:1',
    ACCESS_TOKEN_KEYS: `bench:${randomBytes(32).toString('base64url')}`,
    LINK_KEYS: `bench:${randomBytes(32).toString('base64url')}`,
    PUBLIC_APP_URL: 'https://admin.bench.example',
    LOG_LEVEL: 'fatal',
  });
  const app = await createApiApp({
    config,
    dataSource,
    queue: { backend: 'redis', redisUrl: config.redisUrl, prefix: `bench-${randomBytes(4).toString('hex')}` },
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const tokens = app.get(TokenService);
  process.on('message', async (m: ToApi) => {
    if (m.type === 'token') {
      const [session] = (await dataSource.query(
        `insert into auth_sessions (user_id, acting_tenant_id, membership_id, expires_at) values ($1, $2, $3, app_now() + interval '1 day') returning id`,
        [m.principal.userId, m.principal.tenantId, m.principal.membershipId],
      )) as Array<{ id: string }>;
      send({ type: 'token', token: tokens.signAccessToken({ ...m.principal, sessionId: (session as { id: string }).id }).token });
    } else if (m.type === 'capture') {
      if (m.on) capture.queries = [];
      capture.on = m.on;
      if (!m.on) send({ type: 'captured', queries: capture.queries });
    } else if (m.type === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
  send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
}

main().catch((e: unknown) => {
  console.error('bench api failed:', e instanceof Error ? e.stack : e);
  process.exit(1);
});

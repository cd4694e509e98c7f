/**
 * Integration-test harness for the worker: the real worker module (processors, outbox relay) on
 * the same test database and Redis prefix as a `startTestApi()` server, sending mail to `smtpUrl`.
 *
 *   const worker = await startTestWorker(api, { smtpUrl: `smtp://127.0.0.1:${sink.port}` });
 *   afterAll(() => worker.close());
 */
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig, formatKeyRing, HttpEndpoint, type JsonLogger, type OutboxRelayOptions } from '@tandem/platform';
import type { TestDatabase } from '@tandem/test-support';
import { createWorkerApp } from '../bootstrap';

/** What the worker needs from a running test API (structurally, a `TestApi`). */
export interface TestApiLike {
  db: TestDatabase;
  config: AppConfig;
  queuePrefix: string;
}

export interface TestWorker {
  app: INestApplicationContext;
  /** http://127.0.0.1:<port> of the worker's probes (`/health/live`, `/health/ready`). */
  httpUrl: string;
  /** GET `/metrics` on the worker's HTTP port: the Prometheus text. */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestWorker(
  api: TestApiLike,
  options: { smtpUrl?: string; env?: Record<string, string>; relay?: OutboxRelayOptions; logger?: JsonLogger } = {},
): Promise<TestWorker> {
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: api.config.redisUrl,
    SMTP_URL: options.smtpUrl ?? api.config.smtpUrl,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    PUBLIC_APP_URL: api.config.publicAppUrl,
    LOG_LEVEL: 'fatal',
    // A free port each: several workers run side by side in tests.
    WORKER_HTTP_PORT: '0',
    ...options.env,
  });
  const app = await createWorkerApp(
    {
      config,
      clock: api.db.clock,
      dataSource: api.db.appDataSource,
      queue: { backend: 'redis', redisUrl: config.redisUrl, prefix: api.queuePrefix },
      relay: options.relay,
    },
    options.logger,
  );
  await app.init();
  const httpUrl = `http://127.0.0.1:${app.get(HttpEndpoint).port()}`;
  const metrics = async (): Promise<string> => {
    const res = await fetch(`${httpUrl}/metrics`);
    if (res.status !== 200 || !String(res.headers.get('content-type')).startsWith('text/plain'))
      throw new Error(`worker /metrics answered ${res.status}`);
    return res.text();
  };
  return { app, httpUrl, metrics, close: () => app.close() };
}

import type { AppConfig } from '../config/app-config';

export const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');

export type QueueBackendName = 'redis' | 'postgres';

/** BullMQ 6's PostgreSQL backend (used in embedded dev mode, `QUEUE_BACKEND=postgres`). */
export interface PostgresQueueOptions {
  connectionString: string;
  /** Schema holding BullMQ's tables (default `bullmq`; PGlite needs `public`). */
  schema?: string;
  /** Create/upgrade BullMQ's tables on connect (needs CREATE on the schema). Default false: run scripts/queue-migrate.ts as the owner first. */
  migrate?: boolean;
}

/** How workers notice a dead worker's jobs (BullMQ's lock and stalled check); see AppConfig. */
export interface WorkerTuning {
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export interface QueueModuleOptions {
  /** Default `redis`. */
  backend?: QueueBackendName;
  /** `REDIS_URL`, e.g. redis://127.0.0.1:6379 (a `/db` path selects the database). */
  redisUrl: string;
  /** Redis key prefix for every queue (BullMQ's default is `bull`). Tests use a unique one per run. */
  prefix?: string;
  /** Required when `backend` is `postgres`. */
  postgres?: PostgresQueueOptions;
  /** For processes that consume (the worker); BullMQ's defaults (30 s, 30 s) otherwise. */
  worker?: WorkerTuning;
}

/**
 * The queue options from the validated configuration (REDIS_URL, QUEUE_BACKEND, QUEUE_PREFIX,
 * DATABASE_URL and QUEUE_PG_SCHEMA all come through AppConfig).
 */
export function queueOptionsFrom(
  config: Pick<AppConfig, 'queueBackend' | 'redisUrl' | 'queuePrefix' | 'databaseUrl' | 'queuePgSchema'>,
): QueueModuleOptions {
  return {
    backend: config.queueBackend,
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix ?? undefined,
    ...(config.queueBackend === 'postgres' ? { postgres: { connectionString: config.databaseUrl, schema: config.queuePgSchema } } : {}),
  };
}

/** The BullMQ connection options for a Redis URL (workers need `maxRetriesPerRequest: null`). */
export function redisConnectionFor(redisUrl: string): { url: string; maxRetriesPerRequest: null } {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

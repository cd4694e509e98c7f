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

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Reads the queue options from the environment until `AppConfig` provides them:
 * REDIS_URL, QUEUE_PREFIX, QUEUE_BACKEND (redis|postgres), DATABASE_URL, QUEUE_PG_SCHEMA.
 */
export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueModuleOptions {
  const backend: QueueBackendName = env['QUEUE_BACKEND']?.trim().toLowerCase() === 'postgres' ? 'postgres' : 'redis';
  return {
    backend,
    redisUrl: env['REDIS_URL'] || DEFAULT_REDIS_URL,
    prefix: env['QUEUE_PREFIX'] || undefined,
    ...(backend === 'postgres'
      ? {
          postgres: {
            connectionString: env['DATABASE_URL'] || 'postgres://tandem_app:tandem_app@127.0.0.1:5432/tandem',
            schema: env['QUEUE_PG_SCHEMA'] || undefined,
          },
        }
      : {}),
  };
}

/** The BullMQ connection options for a Redis URL (workers need `maxRetriesPerRequest: null`). */
export function redisConnectionFor(redisUrl: string): { url: string; maxRetriesPerRequest: null } {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

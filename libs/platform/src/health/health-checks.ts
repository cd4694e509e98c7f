import { checkSchemaVersion, REQUIRED_SCHEMA_VERSION } from '@tandem/persistence';
import type { DataSource } from 'typeorm';

export interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface SchemaCheck extends Check {
  current: number | null;
  required: number;
}

/**
 * PostgreSQL answers within `timeoutMs` and its schema is at the version this code needs. Never
 * throws; the reason in `error` is short and fixed (no SQL, no host names): unauthenticated probes see it.
 */
export async function checkDatabase(dataSource: DataSource, timeoutMs = 2_000): Promise<SchemaCheck> {
  const started = performance.now();
  return withTimeout(
    async () => ({ ...(await checkSchemaVersion(dataSource)), latencyMs: Math.round(performance.now() - started) }),
    timeoutMs,
    () => ({
      ok: false,
      latencyMs: timeoutMs,
      current: null,
      required: REQUIRED_SCHEMA_VERSION,
      error: `database did not answer within ${timeoutMs} ms`,
    }),
  );
}

/** `fn` or a failed check after `timeoutMs` (a probe must answer even when a dependency hangs). */
export async function withTimeout<T extends { ok: boolean }>(fn: () => Promise<T>, timeoutMs: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([fn(), new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), timeoutMs)))]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

import { checkSchemaVersion, REQUIRED_SCHEMA_VERSION } from '@tandem/persistence';
import { Client } from 'pg';
import type { JsonLogger } from '../logging/json-logger';

/** The schema did not reach the needed version in time (the message says what to do). */
export class SchemaNotReadyError extends Error {
  override name = 'SchemaNotReadyError';
}

/**
 * At start-up, waits (bounded) until the database's schema is at the version this code needs, so a
 * pod started before its migration Job finished neither serves nor consumes against an old schema.
 * Logs one line when it starts waiting and each time the reason changes; throws a clear error when
 * `timeoutSeconds` pass (the process then exits 1 and its orchestrator restarts it).
 */
export async function waitForSchema(databaseUrl: string, logger: JsonLogger, timeoutSeconds: number, pollMs = 1_000): Promise<void> {
  const started = performance.now();
  let said = '';
  for (;;) {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, application_name: 'tandem-schema-wait' });
    client.on('error', () => undefined);
    const check = await client
      .connect()
      .then(() => checkSchemaVersion({ query: async (sql) => (await client.query(sql)).rows }))
      .catch(() => ({ ok: false, current: null, required: REQUIRED_SCHEMA_VERSION, error: 'database did not answer' }))
      .finally(() => client.end().catch(() => undefined));
    if (check.ok) {
      if (said) logger.write('info', 'database schema ready', { version: check.current });
      return;
    }
    const waited = Math.round((performance.now() - started) / 1000);
    if (waited >= timeoutSeconds) {
      throw new SchemaNotReadyError(
        `the database schema is not at version ${REQUIRED_SCHEMA_VERSION}, which this code needs (${check.error ?? 'unknown'}; waited ${waited} s, SCHEMA_WAIT_SECONDS=${timeoutSeconds}): run the migrations (npm run migrate, or the migrate Job) first`,
      );
    }
    const reason = `${check.error ?? ''}`;
    if (reason !== said) {
      logger.write('warn', 'waiting for the database schema', {
        current: check.current,
        required: REQUIRED_SCHEMA_VERSION,
        reason,
        timeoutSeconds,
      });
      said = reason;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

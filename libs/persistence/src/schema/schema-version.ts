/** What the check needs: a TypeORM DataSource, or a pg Client wrapped as `{ query: async (sql) => (await c.query(sql)).rows }`. */
export interface RowQuery {
  query(sql: string): Promise<unknown>;
}
import { MIGRATIONS } from '../migrations';

/** The timestamp TypeORM reads from a migration class's name (its last 13 digits). */
function timestampOf(migration: { name: string }): number {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match) throw new Error(`migration ${migration.name} has no timestamp at the end of its name`);
  return Number(match[1]);
}

/** The schema version this code needs: the newest migration it ships. */
export const REQUIRED_SCHEMA_VERSION = Math.max(...MIGRATIONS.map(timestampOf));

export interface SchemaVersionCheck {
  ok: boolean;
  /** The newest migration applied (0 when none, null when the database could not say). */
  current: number | null;
  required: number;
  error?: string;
}

/**
 * Whether the database's schema is at (or past) the version this code needs, read through
 * `app_schema_version()` (the app role may not read `schema_migrations` itself). Never throws: a
 * database that does not answer, or a schema older than that function, is "not ok".
 */
export async function checkSchemaVersion(db: RowQuery): Promise<SchemaVersionCheck> {
  try {
    const rows = (await db.query('select app_schema_version() as v')) as Array<{ v: string }>;
    const current = Number(rows[0]?.v ?? 0);
    return current >= REQUIRED_SCHEMA_VERSION
      ? { ok: true, current, required: REQUIRED_SCHEMA_VERSION }
      : {
          ok: false,
          current,
          required: REQUIRED_SCHEMA_VERSION,
          error: `schema is at ${current}, the code needs ${REQUIRED_SCHEMA_VERSION}`,
        };
  } catch (err) {
    const code = (err as { code?: string }).code;
    // 42883: the function does not exist yet (a schema from before it); 3D000/28P01/ECONNREFUSED …: no database.
    const error =
      code === '42883' ? `schema is older than ${REQUIRED_SCHEMA_VERSION} (no app_schema_version())` : 'database did not answer';
    return { ok: false, current: null, required: REQUIRED_SCHEMA_VERSION, error };
  }
}

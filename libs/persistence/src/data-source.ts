import { DataSource, LoggerOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type DatabaseRole = 'app' | 'owner';

export interface CreateDataSourceOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /**
   * `app`: what the API and worker connect as (tandem_app; RLS applies). `owner`: migrations only
   * (tandem_owner). Both register every entity and migration; only the role in `url` decides rights.
   */
  role: DatabaseRole;
  /** Pool size (default 10 for app, 2 for owner). */
  poolSize?: number;
  logging?: LoggerOptions;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** `statement_timeout` of every connection (ms; 0 or unset: PostgreSQL's, none). */
  statementTimeoutMs?: number;
  /** `idle_in_transaction_session_timeout` of every connection (ms; 0 or unset: none). */
  idleInTransactionTimeoutMs?: number;
}

export const MIGRATIONS_TABLE = 'schema_migrations';

/** A DataSource (not yet initialized). Never synchronizes; migrations are explicit. */
export function createDataSource(options: CreateDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: options.logging ?? false,
    poolSize: options.poolSize ?? (options.role === 'owner' ? 2 : 10),
    applicationName: options.applicationName ?? `tandem-${options.role}`,
    // Sent by pg at connection start-up: a runaway query, or a transaction a bug leaves open holding
    // locks and a pooled connection, is ended by PostgreSQL (issue 15, finding 9).
    extra: {
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      ...(options.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs } : {}),
    },
  });
}

/**
 * The advisory-lock key every migrator takes (any constant; "tandem.migrations" as a bigint). Session
 * level: held by one connection for the whole run, released when it ends, even if the process dies.
 */
export const MIGRATION_LOCK_KEY = 7_461_736_847_010_927_615n;

export interface MigrateOptions {
  logging?: LoggerOptions;
  /** Undo the newest migration instead of running pending ones. */
  revert?: boolean;
  /** Told once when another migrator holds the lock and this one waits for it. */
  onWait?: (message: string) => void;
  applicationName?: string;
}

/**
 * Runs pending migrations (or reverts the newest) as the owner role, under a PostgreSQL advisory
 * lock, and closes the connections. Two migrators started at once (two pods, a Job retried while
 * the first still runs): the second waits for the lock, then finds nothing to do and exits 0, where
 * without the lock both would run the same migration and the loser would fail (issue 15, finding 6).
 * Returns the names run (or reverted).
 */
export async function migrate(ownerUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  // Two connections: one holds the lock for the whole run, one runs the migrations.
  const ds = createDataSource({
    url: ownerUrl,
    role: 'owner',
    logging: options.logging,
    poolSize: 2,
    applicationName: options.applicationName ?? 'tandem-migrate',
  });
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    const [got] = (await lock.query('select pg_try_advisory_lock($1) as ok', [MIGRATION_LOCK_KEY.toString()])) as Array<{ ok: boolean }>;
    if (!got?.ok) {
      options.onWait?.('migrate: another migrator holds the lock; waiting for it to finish');
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
    try {
      if (options.revert) {
        const before = await ds.query(`select name from ${MIGRATIONS_TABLE} order by timestamp desc limit 1`);
        await ds.undoLastMigration({ transaction: 'each' });
        return (before as Array<{ name: string }>).map((r) => r.name);
      }
      return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await lock.release();
    await ds.destroy();
  }
}

/** Runs pending migrations as the owner role (under the migration lock). Returns the names run. */
export async function runMigrations(ownerUrl: string, logging: LoggerOptions = false): Promise<string[]> {
  return migrate(ownerUrl, { logging });
}

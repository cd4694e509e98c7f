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
  });
}

/** Runs pending migrations as the owner role and closes the connection. Returns the names run. */
export async function runMigrations(ownerUrl: string, logging: LoggerOptions = false): Promise<string[]> {
  const ds = createDataSource({ url: ownerUrl, role: 'owner', logging });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

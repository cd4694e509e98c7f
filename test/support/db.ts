/**
 * Integration-test databases: a template migrated once per jest run (global-setup.ts), and a
 * clone of it per test file (`createTestDatabase()`), so the per-file cost is one
 * `CREATE DATABASE … TEMPLATE …` (tens of milliseconds) plus opening a pool.
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.drop());
 */
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { londonDateOf, ManualClock } from '@tandem/domain';
import {
  APP_ROLE,
  bootstrapDatabase,
  createDataSource,
  OWNER_ROLE,
  runMigrations,
  SystemDb,
  TenantDb,
  withCredentials,
  withDatabase,
} from '@tandem/persistence';

/**
 * One template per checkout: two checkouts on one server (a second worktree, another branch) may
 * carry different migrations, and a test file must clone the schema of its own checkout.
 */
export const TEMPLATE_DATABASE = `tandem_test_template_${createHash('sha256')
  .update(path.resolve(__dirname, '..', '..'))
  .digest('hex')
  .slice(0, 10)}`;
export const DEFAULT_TEST_SUPERUSER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function superuserUrl(): string {
  return process.env['TEST_DATABASE_SUPERUSER_URL'] || DEFAULT_TEST_SUPERUSER_URL;
}

export function roleUrl(database: string, role: 'app' | 'owner'): string {
  const user = role === 'app' ? APP_ROLE : OWNER_ROLE;
  return withCredentials(withDatabase(superuserUrl(), database), user, user);
}

async function withSuperuser<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: superuserUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Rebuilds the template: bootstrap (roles, extensions, default privileges) + migrations, under a
 * temporary name, then swapped in by rename. A test file of another jest run sharing this server
 * that clones the template meanwhile gets the old one, complete, never a half-migrated one.
 */
export async function prepareTemplateDatabase(): Promise<void> {
  const building = `${TEMPLATE_DATABASE}_build_${process.pid}`;
  await withSuperuser(async (admin) => {
    // Serialise template rebuilds between concurrent jest runs on the same server.
    await admin.query(`select pg_advisory_lock(hashtext($1))`, [TEMPLATE_DATABASE]);
    try {
      await admin.query(`drop database if exists ${building} with (force)`);
      await bootstrapDatabase({ superuserUrl: superuserUrl(), database: building });
      await runMigrations(roleUrl(building, 'owner'));
      const exists = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE_DATABASE]);
      if (exists.rowCount) {
        await admin.query(`alter database ${TEMPLATE_DATABASE} with is_template false allow_connections true`);
        await retryWhileBusy(() => admin.query(`drop database ${TEMPLATE_DATABASE} with (force)`));
      }
      await retryWhileBusy(() => admin.query(`alter database ${building} rename to ${TEMPLATE_DATABASE}`));
      await admin.query(`alter database ${TEMPLATE_DATABASE} with is_template true allow_connections false`);
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext($1))`, [TEMPLATE_DATABASE]);
    }
  });
}

/**
 * Where every test's clock starts unless it sets its own: a Tuesday in the autumn term, 10:00 in
 * London, inside the default sending hours. Fixed, so no test depends on when or where it runs.
 */
export const TEST_START = '2026-11-17T10:00:00Z';
/** TEST_START's London date. */
export const TEST_TODAY = londonDateOf(new Date(TEST_START));

export interface TestDatabase {
  name: string;
  /** The product's clock for this database's API, worker, TenantDb and SystemDb (starts at TEST_START). */
  clock: ManualClock;
  appUrl: string;
  ownerUrl: string;
  /** Initialized, connected as tandem_app (RLS applies). */
  appDataSource: DataSource;
  tenantDb: TenantDb;
  systemDb: SystemDb;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** 55006 object_in_use (template being copied/rebuilt), 3D000 template missing mid-rebuild. */
async function retryWhileBusy<T>(fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if ((code !== '55006' && code !== '3D000') || performance.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function createTestDatabase(options: { poolSize?: number; clock?: ManualClock } = {}): Promise<TestDatabase> {
  const clock = options.clock ?? new ManualClock(TEST_START);
  const name = `tandem_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withSuperuser((admin) =>
    retryWhileBusy(() => admin.query(`create database ${name} template ${TEMPLATE_DATABASE} owner ${OWNER_ROLE}`)),
  );
  const appUrl = roleUrl(name, 'app');
  const ownerUrl = roleUrl(name, 'owner');
  const appDataSource = createDataSource({ url: appUrl, role: 'app', poolSize: options.poolSize ?? 5, applicationName: 'tandem-test' });
  await appDataSource.initialize();
  let dropped = false;
  return {
    name,
    appUrl,
    ownerUrl,
    clock,
    appDataSource,
    tenantDb: new TenantDb(appDataSource, clock),
    systemDb: new SystemDb(appDataSource, clock),
    async drop() {
      if (dropped) return;
      dropped = true;
      if (appDataSource.isInitialized) await appDataSource.destroy();
      await withSuperuser((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * `npm run migrate` — runs pending migrations as tandem_owner.
 *
 *   DATABASE_OWNER_URL   default postgres://tandem_owner:tandem_owner@127.0.0.1:5432/tandem
 *   --bootstrap          first create roles, database, extensions and default privileges with
 *                        DATABASE_SUPERUSER_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 *                        the app role's password from DATABASE_APP_PASSWORD (default: its name, dev only)
 *   --revert             revert the last migration instead
 */
import { bootstrapDatabase } from '../bootstrap';
import { createDataSource } from '../data-source';

export const DEFAULT_OWNER_URL = 'postgres://tandem_owner:tandem_owner@127.0.0.1:5432/tandem';
export const DEFAULT_SUPERUSER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(argv: string[]): Promise<void> {
  const ownerUrl = process.env['DATABASE_OWNER_URL'] || DEFAULT_OWNER_URL;
  if (argv.includes('--bootstrap')) {
    const database = new URL(ownerUrl).pathname.replace(/^\//, '') || 'tandem';
    await bootstrapDatabase({
      superuserUrl: process.env['DATABASE_SUPERUSER_URL'] || DEFAULT_SUPERUSER_URL,
      database,
      ownerPassword: decodeURIComponent(new URL(ownerUrl).password) || undefined,
      appPassword: process.env['DATABASE_APP_PASSWORD'] || undefined,
    });
    console.log(`bootstrap: roles, database "${database}", extensions and default privileges are in place`);
  }
  const ds = createDataSource({ url: ownerUrl, role: 'owner', applicationName: 'tandem-migrate' });
  await ds.initialize();
  try {
    if (argv.includes('--revert')) {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
      return;
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `migrated: ${ran.map((m) => m.name).join(', ')}` : 'migrate: nothing to do');
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error('migrate failed:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

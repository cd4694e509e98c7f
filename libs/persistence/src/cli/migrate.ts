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
import { migrate } from '../data-source';

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
  // Under an advisory lock: a second migrator started meanwhile waits, then has nothing to do.
  if (argv.includes('--revert')) {
    const reverted = await migrate(ownerUrl, { revert: true, onWait: (m) => console.log(m) });
    console.log(`reverted ${reverted.join(', ') || 'nothing'}`);
    return;
  }
  const ran = await migrate(ownerUrl, { onWait: (m) => console.log(m) });
  console.log(ran.length ? `migrated: ${ran.join(', ')}` : 'migrate: nothing to do');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error('migrate failed:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

// Creates the roles tandem_owner / tandem_app and the database (idempotent) through
// bootstrapDatabase from @tandem/persistence. Used by scripts/dev.sh.
//   node -r ./scripts/register.js scripts/db-bootstrap.ts <superuser-url> <database> [--reset]
// --reset drops the database first (and the connections to it). Exit code 3: bootstrapDatabase is not
// exported by @tandem/persistence yet (the caller skips the step).
import { Client } from 'pg';

type Bootstrap = (o: { superuserUrl: string; database: string; ownerPassword?: string; appPassword?: string }) => Promise<void>;

async function main(): Promise<void> {
  const [superuserUrl, database, flag] = process.argv.slice(2);
  if (!superuserUrl || !database || !/^[a-z_][a-z0-9_]*$/.test(database)) {
    throw new Error('usage: db-bootstrap.ts <superuser-url> <database> [--reset]');
  }
  // Loaded at run time so this script type-checks and runs before persistence exports it.
  const persistence = require('@tandem/persistence') as { bootstrapDatabase?: Bootstrap };
  if (typeof persistence.bootstrapDatabase !== 'function') {
    console.log('db-bootstrap: @tandem/persistence does not export bootstrapDatabase yet: skipped');
    process.exit(3);
  }
  if (flag === '--reset') {
    const admin = new Client({ connectionString: superuserUrl });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${database} with (force)`);
      console.log(`db-bootstrap: dropped database ${database}`);
    } finally {
      await admin.end();
    }
  }
  await persistence.bootstrapDatabase({
    superuserUrl,
    database,
    ownerPassword: process.env.DATABASE_OWNER_PASSWORD,
    appPassword: process.env.DATABASE_APP_PASSWORD,
  });
  console.log(`db-bootstrap: roles tandem_owner/tandem_app and database ${database} ready`);
}

main().catch((e: unknown) => {
  console.error('db-bootstrap failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});

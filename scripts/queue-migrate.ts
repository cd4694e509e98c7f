// Creates/upgrades BullMQ's PostgreSQL-backend tables (used when QUEUE_BACKEND=postgres: embedded
// mode, or no Redis). Runs as the owner role, because the app role may not create objects; then
// lets the app role use them. The app connects with `skipMigrations: true` (see QueueModule).
//   node -r ./scripts/register.js scripts/queue-migrate.ts <owner-url> <schema>
import { runMigrations } from 'bullmq';
import { Client } from 'pg';

async function main(): Promise<void> {
  const [url, schema] = process.argv.slice(2);
  if (!url || !schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('usage: queue-migrate.ts <owner-url> <schema>');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await runMigrations(client as never, schema);
    await client.query(`grant usage on schema ${schema} to tandem_app`);
    await client.query(`grant select, insert, update, delete on all tables in schema ${schema} to tandem_app`);
    await client.query(`grant usage, select on all sequences in schema ${schema} to tandem_app`);
    await client.query(`grant execute on all functions in schema ${schema} to tandem_app`);
    console.log(`queue-migrate: BullMQ tables ready in schema "${schema}"`);
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error('queue-migrate failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});

// Creates/upgrades BullMQ's PostgreSQL-backend tables (used when QUEUE_BACKEND=postgres: embedded
// mode, or no Redis). Runs as the owner role, because the app role may not create objects; then
// lets the app role use them. The app connects with `skipMigrations: true` (see QueueModule).
//   node -r ./scripts/register.js scripts/queue-migrate.ts <owner-url> <schema>
import { ALL_QUEUE_NAMES } from '@tandem/platform';
import { runMigrations } from 'bullmq';
import { Client } from 'pg';

async function main(): Promise<void> {
  const [url, schema] = process.argv.slice(2);
  if (!url || !schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('usage: queue-migrate.ts <owner-url> <schema>');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await runMigrations(client as never, schema);
    // BullMQ creates a queue's job-id sequence on the first add to it, which the app role may not do
    // ("permission denied for schema"): create them here, for every queue the app uses.
    for (const queue of ALL_QUEUE_NAMES) {
      const { rows } = await client.query<{ name: string }>(`select ${schema}.job_id_seq_name($1) as name`, [queue]);
      await client.query(`create sequence if not exists ${schema}.${client.escapeIdentifier(rows[0].name)}`);
    }
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

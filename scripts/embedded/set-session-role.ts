// Embedded mode only: sets the role of PGlite's single shared session (see pglite-server.ts).
//   node -r ./scripts/register.js scripts/embedded/set-session-role.ts <url> <role|reset>
// Also grants tandem_app EXECUTE on the non-SECURITY-DEFINER functions in `public` when switching to
// tandem_app (e.g. BullMQ's), which gives nothing beyond what the invoker may already do.
import { Client } from 'pg';

async function main(): Promise<void> {
  const [url, role] = process.argv.slice(2);
  if (!url || !role || !/^(reset|[a-z_][a-z0-9_]*)$/.test(role)) {
    throw new Error('usage: set-session-role.ts <url> <role|reset>');
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('reset role');
    if (role === 'tandem_app') {
      const { rows } = await client.query<{ sig: string }>(
        `select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and not p.prosecdef and p.prokind in ('f', 'p')
            and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
      );
      for (const { sig } of rows) await client.query(`grant execute on function ${sig} to tandem_app`);
    }
    if (role !== 'reset') await client.query(`set role ${role}`);
    const { rows } = await client.query<{ current_user: string }>('select current_user');
    console.log(`embedded PostgreSQL session role: ${rows[0].current_user}`);
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error('set-session-role:', e instanceof Error ? e.message : e);
  process.exit(1);
});

// Embedded PostgreSQL for `npm run dev` on a machine without PostgreSQL (not root, no apt-get):
// PGlite (PostgreSQL compiled to WASM) served over the wire protocol on a local port.
//
//   node -r ./scripts/register.js scripts/embedded/pglite-server.ts [--port 54329] [--data .tandem/pglite]
//
// What a client must know (all checked on @electric-sql/pglite 0.5.14 + pglite-socket 0.2.17):
// - There is ONE database and ONE backend session. The user name and database name in the connection
//   URL are ignored: every connection is `postgres` (superuser) on database `postgres`, so
//   `postgres://tandem_app:x@127.0.0.1:54329/tandem` works but is not really tandem_app.
// - The server multiplexes up to `maxConnections` sockets onto that session. A query (Parse … Sync)
//   and a transaction are kept exclusive to the connection that started them (others wait; see
//   session-queue.ts), but SESSION state is shared by all connections: a plain `SET ROLE x` or
//   `SET search_path` on one connection applies to every one.
// - So a client must never wait on a second connection while it holds a transaction open on a first:
//   the second waits for that transaction, which never ends (the outbox relay once did; see
//   libs/platform/src/queue/outbox-relay.ts).
// - Because the superuser bypasses RLS, scripts/dev.sh switches the shared session's role with
//   scripts/embedded/set-session-role.ts: `tandem_owner` while migrating/seeding, then `tandem_app`
//   before the API and worker start, so RLS is enforced in embedded mode as on real PostgreSQL.
//   (SET ROLE is checked against the session user, postgres, so it is not a security wall here; it
//   is only there so that a missing tenant filter fails in dev as it would in production.)
// - `options=-c search_path=...` in the start-up packet is ignored: BullMQ's PostgreSQL backend must
//   be given `schema: 'public'` (see docs/operations.md).
// - Extensions available: pgcrypto and citext (loaded below); others need adding here.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue';

// Subpath exports: tsconfig's `moduleResolution: node` cannot see their types, so load them plainly.
const { citext } = require('@electric-sql/pglite/contrib/citext') as { citext: Extension };
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const port = Number(option('port', process.env.EMBEDDED_PG_PORT ?? '54329'));
  const dataDir = resolve(option('data', '.tandem/pglite'));
  // The API and the worker each open a TypeORM pool (up to 10) and, per BullMQ queue and worker, a pool
  // (up to 10) and a LISTEN connection: 27 were seen at rest, more under load. With a limit of 20 the
  // rest were refused, which clients report as ECONNRESET or "Connection terminated unexpectedly"
  // (hundreds in the worker's log, failed API requests). An idle connection costs PGlite nothing.
  const maxConnections = Number(option('max-connections', '256'));
  mkdirSync(dataDir, { recursive: true });

  const started = performance.now();
  const db = await PGlite.create({ dataDir, extensions: { pgcrypto, citext } });
  // Roles exist here too (bootstrapDatabase re-asserts their attributes); created early so that
  // `SET ROLE tandem_app` works even before the bootstrap ran.
  for (const role of ['tandem_owner', 'tandem_app']) {
    await db.exec(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} login; end if;
    end $$;`);
  }
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
  // pglite-socket 0.2.17 takes no queue option: put ours in before the first connection (each
  // connection's handler is given the server's queue when it is created).
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  console.log(
    `pglite-server: listening on 127.0.0.1:${port} (data ${dataDir}, max ${maxConnections} connections, ready in ${Math.round(performance.now() - started)} ms)`,
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`pglite-server: ${signal}, stopping`);
    try {
      await server.stop();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('pglite-server: failed to start:', e);
  process.exit(1);
});

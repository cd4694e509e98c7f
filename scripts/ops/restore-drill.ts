/**
 * `npm run restore-drill`: proves a backup can be restored (docs/operations.md, "Backups and
 * point-in-time recovery"). Dumps the database (`pg_dump -Fc`, what a logical backup is), restores
 * it into a new database on the same or a scratch server, then checks, and prints:
 *
 * - every table's exact row count, source against restored;
 * - per hub, as the app role under row-level security (so the policies, grants and role setup came
 *   back too), the pupils, bookings and encounters it sees and its ledger totals (`ledger_school_counts`).
 *
 * Exits 1 when any figure differs. The restored database is dropped unless `--keep`.
 *
 *   npm run restore-drill -- [--source <url>] [--admin <url>] [--keep]
 *
 * --source  the database to dump, as a role that may read every row (the owner: BYPASSRLS).
 *           Default DATABASE_OWNER_URL, else the dev database.
 * --admin   a role on the target server that may CREATE DATABASE and SET ROLE tandem_app (a
 *           superuser on a drill server). Default TEST_DATABASE_SUPERUSER_URL, else postgres@127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

export interface DrillOptions {
  sourceUrl: string;
  adminUrl: string;
  keep?: boolean;
  /** Where lines go (default stdout). */
  print?: (line: string) => void;
}

export interface Figure {
  what: string;
  source: string;
  restored: string;
}

export interface DrillResult {
  restoredDatabase: string;
  dumpBytes: number;
  dumpMs: number;
  restoreMs: number;
  figures: Figure[];
  mismatches: Figure[];
}

const APP_ROLE = 'tandem_app';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'tandem-restore-drill' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Exact row counts of every table in `public` (admin or owner: sees every row). */
async function tableCounts(c: Client): Promise<Map<string, number>> {
  // Row security off: as the owner (BYPASSRLS) or a superuser every row counts, and a role that
  // could not see them all fails loudly instead of undercounting.
  await c.query('set row_security = off');
  const tables = await c.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const counts = new Map<string, number>();
  for (const { name } of tables.rows) {
    const r = await c.query<{ n: string }>(`select count(*) as n from public.${quoteIdent(name)}`);
    counts.set(name, Number(r.rows[0]?.n ?? 0));
  }
  return counts;
}

/** What each hub sees as the app role, under RLS: the figures users and reports would see. */
async function hubFigures(c: Client): Promise<Map<string, string>> {
  const figures = new Map<string, string>();
  await c.query('set row_security = on');
  const tenants = await c.query<{ id: string; slug: string }>(`select id, slug from tenants order by slug`);
  for (const t of tenants.rows) {
    await c.query('begin');
    try {
      await c.query(`set local role ${APP_ROLE}`);
      await c.query(`select set_config('app.tenant_id', $1, true)`, [t.id]);
      const r = await c.query(`
        select (select count(*) from pupils)::int as pupils,
               (select count(*) from bookings)::int as bookings,
               (select count(*) from encounters)::int as encounters,
               (select coalesce(sum(pupils), 0) || '/' || coalesce(sum(met), 0) || '/' || coalesce(sum(priority_met), 0) || '/' || coalesce(sum(disadvantaged_met), 0)
                  from ledger_school_counts) as ledger`);
      const row = r.rows[0] as { pupils: number; bookings: number; encounters: number; ledger: string };
      figures.set(`hub ${t.slug}: pupils, bookings, encounters`, `${row.pupils}, ${row.bookings}, ${row.encounters}`);
      figures.set(`hub ${t.slug}: ledger pupils/met/priority met/disadvantaged met`, row.ledger);
    } finally {
      await c.query('rollback');
    }
  }
  return figures;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Source and restored figures side by side; a figure missing on one side counts as a mismatch. */
export function compareFigures(
  source: Map<string, string | number>,
  restored: Map<string, string | number>,
): { figures: Figure[]; mismatches: Figure[] } {
  const names = [...new Set([...source.keys(), ...restored.keys()])];
  const figures = names.map((what) => ({
    what,
    source: String(source.get(what) ?? 'missing'),
    restored: String(restored.get(what) ?? 'missing'),
  }));
  return { figures, mismatches: figures.filter((f) => f.source !== f.restored) };
}

export async function restoreDrill(options: DrillOptions): Promise<DrillResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const sourceDb = decodeURIComponent(new URL(options.sourceUrl).pathname.slice(1));
  const restoredDatabase = `${sourceDb}_restore_drill_${process.pid}`.slice(0, 63);
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-restore-drill-'));
  const dumpFile = path.join(dir, 'tandem.dump');
  try {
    let started = performance.now();
    // Custom format: compressed, restorable table by table and in parallel (pg_restore -j).
    await run('pg_dump', ['--format=custom', '--no-password', `--file=${dumpFile}`, `--dbname=${options.sourceUrl}`]);
    const dumpMs = performance.now() - started;
    const dumpBytes = (await stat(dumpFile)).size;

    const owner = await withClient(
      options.sourceUrl,
      async (c) =>
        (await c.query<{ owner: string }>(`select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`))
          .rows[0]?.owner,
    );
    await withClient(options.adminUrl, async (c) => {
      await c.query(`drop database if exists ${quoteIdent(restoredDatabase)} with (force)`);
      await c.query(`create database ${quoteIdent(restoredDatabase)} owner ${quoteIdent(owner ?? 'postgres')}`);
    });
    started = performance.now();
    await run('pg_restore', ['--exit-on-error', '--no-password', `--dbname=${withDatabase(options.adminUrl, restoredDatabase)}`, dumpFile]);
    const restoreMs = performance.now() - started;

    const restoredUrl = withDatabase(options.adminUrl, restoredDatabase);
    const [sourceTables, restoredTables] = await Promise.all([
      withClient(options.sourceUrl, tableCounts),
      withClient(restoredUrl, tableCounts),
    ]);
    // Per-hub figures need SET ROLE tandem_app: read from both sides through the admin connection.
    const adminSource = withDatabase(options.adminUrl, sourceDb);
    const [sourceHubs, restoredHubs] = await Promise.all([withClient(adminSource, hubFigures), withClient(restoredUrl, hubFigures)]);
    const source = new Map<string, string | number>([...[...sourceTables].map(([t, n]) => [`table ${t}`, n] as const), ...sourceHubs]);
    const restored = new Map<string, string | number>([
      ...[...restoredTables].map(([t, n]) => [`table ${t}`, n] as const),
      ...restoredHubs,
    ]);
    const { figures, mismatches } = compareFigures(source, restored);

    const width = Math.max(...figures.map((f) => f.what.length));
    print(`restore drill: ${sourceDb} → ${restoredDatabase}`);
    print(
      `dump ${(dumpBytes / 1024 / 1024).toFixed(2)} MB in ${(dumpMs / 1000).toFixed(1)} s; restore in ${(restoreMs / 1000).toFixed(1)} s`,
    );
    print(`${'figure'.padEnd(width)}  ${'source'.padStart(14)}  ${'restored'.padStart(14)}`);
    for (const f of figures)
      print(`${f.what.padEnd(width)}  ${f.source.padStart(14)}  ${f.restored.padStart(14)}${f.source === f.restored ? '' : '  MISMATCH'}`);
    const tables = figures.filter((f) => f.what.startsWith('table ')).length;
    print(
      mismatches.length
        ? `FAILED: ${mismatches.length} of ${figures.length} figures differ`
        : `OK: ${tables} tables and ${figures.length - tables} per-hub figures equal`,
    );

    if (!options.keep)
      await withClient(options.adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(restoredDatabase)} with (force)`));
    return { restoredDatabase, dumpBytes, dumpMs, restoreMs, figures, mismatches };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const sourceUrl =
    argValue(args, '--source') || process.env['DATABASE_OWNER_URL'] || 'postgres://tandem_owner:tandem_owner@127.0.0.1:5432/tandem';
  const adminUrl = argValue(args, '--admin') || process.env['TEST_DATABASE_SUPERUSER_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  restoreDrill({ sourceUrl, adminUrl, keep: args.includes('--keep') }).then(
    (r) => process.exit(r.mismatches.length ? 1 : 0),
    (err: unknown) => {
      // pg_dump/pg_restore stderr names the problem; never print a URL (it may hold a password).
      console.error(
        `restore drill failed: ${err instanceof Error ? err.message.replace(/postgres(ql)?:\/\/[^\s]+/g, 'postgres://***') : String(err)}`,
      );
      process.exit(1);
    },
  );
}

/**
 * npm run bench:capacity — the per-unit figures docs/capacity.md multiplies out (issue 15):
 *
 * 1. Bytes on disk per row (table + indexes + TOAST, after VACUUM ANALYZE) of the tables that grow
 *    with use rather than with pupils: the audit log, the send log, the outbox, sessions. Rows are
 *    generated in SQL with the widths the product writes (uuids, job keys, Message-IDs, subjects).
 * 2. The retention purge's speed: deleting 200,000 expired audit rows through `purge_expired_rows`
 *    in batches of 5,000, as the nightly job does.
 * 3. One API process's throughput on this machine: `--clients` concurrent clients for `--seconds`
 *    on a read-heavy mix (pupil lists as school staff, booking lists, one pupil write in ten), with
 *    p50/p95 latency, PostgreSQL transactions per request, and how many backends were busy in a
 *    transaction (sampled from pg_stat_activity): what PgBouncer's server pool must cover.
 *
 * Writes its section of docs/benchmarks.md.
 *
 *   npm run bench:capacity -- [--clients 8] [--seconds 20]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { createHubFixture, startTestApi } from '@tandem/api-testing';
import { ManualClock, SystemClock } from '@tandem/domain';
import { bootstrapDatabase, createDataSource, runMigrations, SystemDb, TenantDb } from '@tandem/persistence';
import { formatKeyRing } from '@tandem/platform';
import { roleUrl, superuserUrl, TEST_START, type TestDatabase } from '@tandem/test-support';
import { Client } from 'pg';
import { freePort } from '../../test/integration/processes';
import { startProcess } from '../soak/process';

const wall = new SystemClock();
const SECTION = '## Capacity figures (`npm run bench:capacity`)';
const DOC = path.join(__dirname, '..', '..', 'docs', 'benchmarks.md');
const log = (m: string): void => void process.stdout.write(`[bench:capacity] ${m}\n`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function q<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Rows per table generated with the product's column widths. */
const GROWTH: Array<{ table: string; rows: number; insert: string }> = [
  {
    table: 'audit_log',
    rows: 200_000,
    insert: `insert into audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, detail, correlation_id, created_at)
             select $1, $2, 'pupil.listed', 'pupil', gen_random_uuid(), '{}'::jsonb, gen_random_uuid()::text, $3::timestamptz - (g || ' seconds')::interval
               from generate_series(1, $4) g`,
  },
  {
    table: 'sent_emails',
    rows: 50_000,
    insert: `insert into sent_emails (tenant_id, job_key, kind, recipient, message_id, subject, sent_at)
             select $1, 'mail.booking_confirmed.' || gen_random_uuid() || '.v2', 'booking_confirmed', 'careers.leader' || g || '@northfield-academy.example.org',
                    '<mail.booking_confirmed.' || gen_random_uuid() || '.v2.' || g || '@tandem.example.org>', 'Confirmed: Mock interviews with engineers on Tue 24 Nov', $3
               from generate_series(1, $4) g where $2::uuid is not null`,
  },
  {
    table: 'notification_outbox',
    rows: 50_000,
    insert: `insert into notification_outbox (tenant_id, kind, dedupe_key, payload, status, available_at, relayed_at, attempts)
             select $1::uuid, 'mail', 'mail.booking_confirmed.' || u || '.v2', jsonb_build_object('tenantId', $1::uuid::text, 'kind', 'booking_confirmed', 'bookingId', u::text, 'version', 2), 'relayed', $3, $3, 1
               from (select gen_random_uuid() as u from generate_series(1, $4)) s where $2::uuid is not null`,
  },
  {
    table: 'auth_sessions',
    rows: 50_000,
    insert: `insert into auth_sessions (user_id, acting_tenant_id, expires_at) select $2, $1, $3::timestamptz + interval '30 days' from generate_series(1, $4)`,
  },
];

async function main(): Promise<void> {
  const clients = arg('clients', 8);
  const seconds = arg('seconds', 20);
  const startedAt = wall.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const name = `tandem_bench_capacity_${process.pid}`;
  await bootstrapDatabase({ superuserUrl: superuserUrl(), database: name });
  const ownerUrl = roleUrl(name, 'owner');
  await runMigrations(ownerUrl);
  const cleanups: Array<() => Promise<unknown>> = [() => q(superuserUrl(), `drop database if exists ${name} with (force)`)];
  try {
    const clock = new ManualClock(TEST_START);
    const ds = await createDataSource({
      url: roleUrl(name, 'app'),
      role: 'app',
      poolSize: 5,
      applicationName: 'tandem-bench-capacity',
    }).initialize();
    cleanups.unshift(() => ds.destroy());
    const db: TestDatabase = {
      name,
      clock,
      appUrl: roleUrl(name, 'app'),
      ownerUrl,
      appDataSource: ds,
      tenantDb: new TenantDb(ds, clock),
      systemDb: new SystemDb(ds, clock),
      drop: async () => undefined,
    };
    const seeder = await startTestApi({ db, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    const hub = await createHubFixture(seeder, 'capacity');

    // ---- 1. bytes per row ----
    const sizes: Array<{ table: string; rows: number; bytes: number }> = [];
    for (const g of GROWTH) {
      const started = performance.now();
      await q(ownerUrl, g.insert, [hub.tenantId, hub.principals.hubAdmin.userId, TEST_START, g.rows]);
      await q(ownerUrl, `vacuum analyze ${g.table}`);
      const [r] = await q<{ bytes: string; n: string }>(
        ownerUrl,
        `select pg_total_relation_size($1::regclass) as bytes, (select count(*) from ${g.table}) as n`,
        [g.table],
      );
      sizes.push({ table: g.table, rows: Number(r?.n), bytes: Number(r?.bytes) });
      log(
        `${g.table}: ${r?.n} rows, ${(Number(r?.bytes) / Number(r?.n)).toFixed(0)} B/row (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }

    // ---- 2. purge speed: every audit row is older than the floor by then ----
    const purgeStarted = performance.now();
    let purged = 0;
    const purger = new Client({ connectionString: roleUrl(name, 'app') });
    await purger.connect();
    // The product's clock 400 days on (the nightly job sets it per batch transaction; once per session here).
    await purger.query(`select set_config('app.now', $1, false)`, [new Date(Date.parse(TEST_START) + 400 * 86_400_000).toISOString()]);
    for (;;) {
      const n = Number((await purger.query(`select purge_expired_rows('audit_log', 365, 5000) as n`)).rows[0]?.n ?? 0);
      purged += n;
      if (n < 5000) break;
    }
    await purger.end();
    const purgeMs = performance.now() - purgeStarted;
    log(`purged ${purged} audit rows in ${(purgeMs / 1000).toFixed(1)} s`);

    // ---- 3. API throughput ----
    for (let i = 0; i < 200; i += 1) {
      await seeder.ok(
        `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
        { input: { schoolId: hub.schoolA.id, reference: `C${String(i).padStart(12, '0')}`, yearGroup: 10 } },
        hub.tokens.hubAdmin,
      );
    }
    const staff = hub.tokens.schoolStaff;
    const admin = hub.tokens.hubAdmin;
    const env = {
      NODE_ENV: 'test',
      TANDEM_CLOCK_START: TEST_START,
      DATABASE_URL: roleUrl(name, 'app'),
      DATABASE_OWNER_URL: ownerUrl,
      REDIS_URL: seeder.config.redisUrl,
      QUEUE_PREFIX: seeder.queuePrefix,
      SMTP_URL: 'smtp://127.0.0.1:1',
      ACCESS_TOKEN_KEYS: formatKeyRing(seeder.config.accessTokenKeys),
      LINK_KEYS: formatKeyRing(seeder.config.linkKeys),
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      PUBLIC_APP_URL: 'http://admin.bench.test',
      PUBLIC_API_URL: 'http://api.bench.test',
      LOG_LEVEL: 'warn',
      // Several processes on one machine: metrics and worker health ports picked free.
      METRICS_PORT: '0',
      WORKER_HTTP_PORT: '0',
    };
    await seeder.close();
    const port = await freePort();
    const api = await startProcess('apps/api/src/main.ts', { ...env, API_PORT: String(port), LOG_LEVEL: 'info' }, 'listening');
    cleanups.unshift(() => api.stop());
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = async (query: string, variables: Record<string, unknown>, token: string): Promise<boolean> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      return !body.errors?.length;
    };
    let seq = 0;
    const one = (): Promise<boolean> => {
      const r = Math.random();
      if (r < 0.6)
        return post(
          `query($s: ID!) { pupils(schoolId: $s, first: 20) { nodes { id reference yearGroup } } }`,
          { s: hub.schoolA.id },
          staff,
        );
      if (r < 0.9) return post(`{ bookings(first: 20) { nodes { id state } } }`, {}, admin);
      seq += 1;
      return post(
        `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
        { input: { schoolId: hub.schoolA.id, reference: `W${process.pid}${String(seq).padStart(8, '0')}`, yearGroup: 9 } },
        admin,
      );
    };
    for (let i = 0; i < 200; i += 1) await one(); // warm-up
    const xacts = async (): Promise<number> =>
      Number(
        (
          await q<{ n: string }>(superuserUrl(), `select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`, [name])
        )[0]?.n,
      );
    const x0 = await xacts();
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const loadStarted = performance.now();
    // What a transaction-mode PgBouncer would need: backends busy in a transaction, sampled every 50 ms.
    const sampler = new Client({ connectionString: superuserUrl() });
    await sampler.connect();
    const busy: number[] = [];
    const sampling = (async () => {
      while (performance.now() < deadline) {
        const r = await sampler.query(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and (state = 'active' or state like 'idle in transaction%')`,
          [name],
        );
        busy.push(Number(r.rows[0]?.n ?? 0));
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const t = performance.now();
          if (!(await one())) errors += 1;
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - loadStarted) / 1000;
    // The API process's peak resident memory (Linux: VmHWM), what its pod's memory request must cover.
    const peakRssMb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    await sampling;
    await sampler.end();
    const busyMean = busy.reduce((a, b) => a + b, 0) / Math.max(1, busy.length);
    const busyMax = Math.max(0, ...busy);
    // pg_stat_database is updated when a backend reports (at most every 500 ms and at idle): wait for it.
    await new Promise((r) => setTimeout(r, 1500));
    const committed = (await xacts()) - x0;
    latencies.sort((a, b) => a - b);
    const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    const rps = latencies.length / elapsed;
    const xps = committed / elapsed;
    log(
      `${latencies.length} requests in ${elapsed.toFixed(1)} s: ${rps.toFixed(0)} req/s, p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, ${errors} errors; ${xps.toFixed(0)} transactions/s; backends in a transaction: mean ${busyMean.toFixed(2)}, max ${busyMax}; API peak RSS ${peakRssMb.toFixed(0)} MB`,
    );

    // ---- docs/benchmarks.md ----
    const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
    const lines = [
      SECTION,
      '',
      `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (nproc), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; PostgreSQL 15 (as installed) on the same machine; 1-minute load average ${loadAtStart.toFixed(1)} when the run began. The per-unit figures \`docs/capacity.md\` multiplies out.`,
      '',
      'Bytes on disk per row (table + indexes + TOAST after `VACUUM ANALYZE`), rows generated in SQL with the widths the product writes:',
      '',
      '| table | rows | total | bytes per row |',
      '| --- | ---: | ---: | ---: |',
      ...sizes.map(
        (s) =>
          `| \`${s.table}\` | ${s.rows.toLocaleString('en-GB')} | ${(s.bytes / 2 ** 20).toFixed(1)} MB | ${Math.round(s.bytes / s.rows)} |`,
      ),
      '',
      `Retention purge: ${purged.toLocaleString('en-GB')} expired audit rows deleted through \`purge_expired_rows\` in batches of 5,000 in ${(purgeMs / 1000).toFixed(1)} s (**${Math.round(purged / (purgeMs / 1000)).toLocaleString('en-GB')} rows/s**).`,
      '',
      `One API process (NODE_ENV=test, ts-node, pool 10, direct to PostgreSQL), ${clients} concurrent clients for ${seconds} s after 200 warm-up requests; mix: 60 % a school's pupil list (20, audited: one \`pupil.listed\` row per pupil) as school staff, 30 % the hub's booking list as hub admin, 10 % a pupil write:`,
      '',
      '| requests | req/s | p50 | p95 | errors | PostgreSQL transactions/s | backends in a transaction, mean / max (sampled every 50 ms) | API peak RSS |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${latencies.length.toLocaleString('en-GB')} | **${rps.toFixed(0)}** | ${pct(0.5).toFixed(1)} ms | ${pct(0.95).toFixed(1)} ms | ${errors} | ${xps.toFixed(0)} (${(xps / rps).toFixed(1)} per request) | ${busyMean.toFixed(2)} / ${busyMax} | ${peakRssMb.toFixed(0)} MB |`,
      '',
      "The API process, PostgreSQL and the load generator share the machine's cores, so req/s is what one API process gets with PostgreSQL beside it, not what a dedicated core gives; the backends busy in a transaction are what a transaction-mode PgBouncer needs as server connections for that request rate.",
      '',
    ];
    const existing = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
    const start = existing.indexOf(SECTION);
    const body = lines.join('\n');
    let next: string;
    if (start === -1) next = `${existing.trimEnd()}\n\n${body}\n`;
    else {
      const after = existing.indexOf('\n## ', start + SECTION.length);
      next = `${existing.slice(0, start)}${body}\n${after === -1 ? '' : existing.slice(after)}`;
    }
    writeFileSync(DOC, next.replace(/\n{3,}/g, '\n\n'));
    log('wrote its section of docs/benchmarks.md');
  } finally {
    for (const fn of cleanups) await fn().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:capacity failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

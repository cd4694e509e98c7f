/**
 * `npm run bench:api` — the API under concurrent load against a bare Fastify + pg baseline (issue 16).
 *
 * 1. A dedicated database (`tandem_bench_api`) with the demo hub (`seedDemoHub`, as `npm run seed` loads it).
 * 2. The real API in production mode in its own process (apps/api/src/main.ts via api-process.ts, configured
 *    from the environment like a deployment), and the baseline (api-baseline.ts: one transaction per
 *    request, tenant via set_config, RLS on, app role, the same statements, JSON out, no auth).
 * 3. Checks that both answer every operation with the same bytes (a write's new id masked), then loads
 *    each with autocannon at 1, 16 and 64 connections, the two servers alternating, and prints req/s, p50,
 *    p99 and Tandem ÷ bare. Writes the table into docs/benchmarks.md with the machine and the date.
 *
 *   npm run bench:api [-- --duration 10] [-- --connections 1,16,64] [-- --only schools,offers]
 *                     [-- --reuse] (measure on the database a previous run left; default: build it afresh)
 *                     [-- --profile tmp/prof] (the API runs under node --cpu-prof; the profile is written there)
 *                     [-- --no-doc] (print only)
 * Env: TEST_DATABASE_SUPERUSER_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '@tandem/features';
import { BENCH_OPERATIONS, type BenchOperation } from './api-operations';
import { DEMO_EMAIL, prepareDatabase, roleUrl, ROOT, start, startApi, superuser, wallClock } from './api-stack';

const COORDINATOR = DEMO_EMAIL('coordinator.cluster-1');
const log = (msg: string): void => console.log(`[bench:api] ${msg}`);
const debug = (msg: string): void => void (process.env['BENCH_DEBUG'] && log(msg));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const DURATION = Number(option('--duration') ?? 10);
const WARMUP = 2;
const CONNECTIONS = (option('--connections') ?? '1,16,64').split(',').map(Number);
const ONLY = option('--only')?.split(',');
const PROFILE_DIR = option('--profile');
async function post(url: string, query: string, variables: unknown, token?: string): Promise<string> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return r.text();
}

async function login(url: string): Promise<string> {
  const out = JSON.parse(
    await post(url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: COORDINATOR, password: DEMO_PASSWORD },
    }),
  ) as {
    data?: { login: { accessToken: string } };
    errors?: unknown;
  };
  if (!out.data) throw new Error(`login failed: ${JSON.stringify(out.errors)}`);
  return out.data.login.accessToken;
}

interface Cell {
  op: BenchOperation['key'];
  connections: number;
  server: 'tandem' | 'bare';
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, body: string, connections: number, duration: number, token?: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

const mask = (text: string): string => text.replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<new>"');

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  await prepareDatabase(args.includes('--reuse'));
  const ids = await superuser(async (c) => {
    const { rows } = await c.query(
      `select m.tenant_id, m.user_id, m.cluster_id, (select s.id from schools s where s.cluster_id = m.cluster_id order by s.name limit 1) as school_id
         from memberships m join users u on u.id = m.user_id where u.email = $1`,
      [COORDINATOR],
    );
    return rows[0] as { tenant_id: string; user_id: string; cluster_id: string; school_id: string };
  });
  debug(`ids ${JSON.stringify(ids)}`);
  const api = await startApi(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : []);
  debug('api up');
  const bare = await start('api-baseline.ts', {
    DATABASE_URL: roleUrl('tandem_app'),
    TENANT_ID: ids.tenant_id,
    USER_ID: ids.user_id,
    CLUSTER_ID: ids.cluster_id,
  });
  debug('bare up');
  const cells: Cell[] = [];
  try {
    const ops = BENCH_OPERATIONS.filter((op) => !ONLY || ONLY.includes(op.key));
    const variables: Record<BenchOperation['key'], unknown> = {
      schools: {},
      offers: {},
      coverage: { clusterId: ids.cluster_id },
      createRequest: {
        input: {
          schoolId: ids.school_id,
          activityType: 'cv_workshop',
          yearGroup: 10,
          pupilCount: 20,
          formats: ['virtual'],
          windows: [
            {
              startsAt: `${Number(wallClock.today().slice(0, 4)) + 1}-02-03T13:30:00Z`,
              endsAt: `${Number(wallClock.today().slice(0, 4)) + 1}-02-03T15:00:00Z`,
            },
          ],
        },
      },
    };
    for (const [i, op] of ops.entries()) {
      const token = await login(api.url);
      debug('logged in');
      const body = JSON.stringify({ query: op.query, variables: variables[op.key] });
      const fromApi = await post(api.url, op.query, variables[op.key], token);
      debug(`api: ${fromApi.slice(0, 200)}`);
      const fromBare = await post(bare.url, op.query, variables[op.key]);
      debug(`bare: ${fromBare.slice(0, 200)}`);
      const same = op.write ? mask(fromApi) === mask(fromBare) : fromApi === fromBare;
      if (!same || !fromApi.startsWith('{"data"')) {
        let at = 0;
        while (at < fromApi.length && fromApi[at] === fromBare[at]) at++;
        throw new Error(
          `${op.key}: the answers differ from character ${at}\n  tandem: …${fromApi.slice(Math.max(0, at - 80), at + 200)}\n  bare:   …${fromBare.slice(Math.max(0, at - 80), at + 200)}`,
        );
      }
      log(`${op.key}: same answer from both (${fromApi.length} bytes)`);
      for (const [j, connections] of CONNECTIONS.entries()) {
        const servers: Array<['tandem' | 'bare', string, string | undefined]> = [
          ['tandem', api.url, token],
          ['bare', bare.url, undefined],
        ];
        if ((i + j) % 2) servers.reverse();
        for (const [server, url, auth] of servers) {
          await load(url, body, connections, WARMUP, auth);
          const r = await load(url, body, connections, DURATION, auth);
          const cell: Cell = {
            op: op.key,
            connections,
            server,
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            errors: r.errors + r.non2xx + r.timeouts,
          };
          cells.push(cell);
          log(
            `${op.key} × ${connections} ${server}: ${cell.rps.toFixed(0)} req/s, p50 ${cell.p50} ms, p99 ${cell.p99} ms${cell.errors ? `, ${cell.errors} errors` : ''}`,
          );
        }
      }
      // Still answering correctly after the load (a GraphQL error would be a 200 too).
      const after = await post(api.url, op.query, variables[op.key], token);
      if (!after.startsWith('{"data"') || after.includes('"errors"'))
        throw new Error(`${op.key}: after the load the API answered ${after.slice(0, 300)}`);
    }
  } finally {
    await api.stop();
    await bare.stop();
  }
  const table = report(cells, loadAtStart);
  console.log(table);
  if (!args.includes('--no-doc') && !ONLY && !PROFILE_DIR) writeDoc(table);
}

function report(cells: Cell[], loadAtStart: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'CPU';
  const lines = [
    `Measured ${wallClock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; PostgreSQL, Redis, the load generator and both servers on the same machine; 1-minute load average ${loadAtStart.toFixed(1)} at the start. autocannon, ${DURATION} s per cell after ${WARMUP} s of warm-up, the two servers alternating. Demo hub as the North cluster's coordinator.`,
    '',
    '| operation | connections | Tandem req/s | bare req/s | Tandem ÷ bare | Tandem p50 ms | bare p50 ms | Tandem p99 ms | bare p99 ms | p99 Tandem ÷ bare |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const op of BENCH_OPERATIONS) {
    for (const connections of CONNECTIONS) {
      const t = cells.find((c) => c.op === op.key && c.connections === connections && c.server === 'tandem');
      const b = cells.find((c) => c.op === op.key && c.connections === connections && c.server === 'bare');
      if (!t || !b) continue;
      const ratio = (t.rps / b.rps) * 100;
      lines.push(
        `| ${op.label} | ${connections} | ${t.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${ratio.toFixed(0)} % | ${t.p50} | ${b.p50} | ${t.p99} | ${b.p99} | ${(t.p99 / Math.max(b.p99, 1)).toFixed(2)}× |`,
      );
    }
  }
  const errors = cells.reduce((n, c) => n + c.errors, 0);
  if (errors) lines.push('', `${errors} requests failed (errors, timeouts or non-2xx) across the run.`);
  return lines.join('\n');
}

function writeDoc(table: string): void {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- bench-api:start -->';
  const end = '<!-- bench-api:end -->';
  const doc = readFileSync(file, 'utf8');
  const block = `${start}\n${table}\n${end}`;
  const next = doc.includes(start)
    ? doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length)
    : `${doc.trimEnd()}\n\n## API under load (\`npm run bench:api\`)\n\n${block}\n`;
  writeFileSync(file, next);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

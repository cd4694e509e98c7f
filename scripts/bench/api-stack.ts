/**
 * What `npm run bench:api` and `npm run bench:screens` share: the dedicated bench database with the demo
 * hub (`tandem_bench_api`, built once, reused with --reuse), and child processes for the API in
 * production mode (api-process.ts) and the baseline, started on free ports and stopped over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { SystemClock } from '@tandem/domain';
import { DEMO_SLUG, seedDemoHub } from '@tandem/features';
import { bootstrapDatabase, createDataSource, runMigrations, withCredentials, withDatabase } from '@tandem/persistence';
import { Client } from 'pg';

/** Benchmarks run on the machine's clock: they measure now, on this machine. */
export const wallClock = new SystemClock();
export const DATABASE = 'tandem_bench_api';
export const ROOT = join(__dirname, '..', '..');
export const DEMO_EMAIL = (local: string): string => `${local}@${DEMO_SLUG}.demo.tandem.example`;
export const superuserUrl = process.env['TEST_DATABASE_SUPERUSER_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
/** Trust authentication on this machine: URLs without passwords, which production accepts. */
export const roleUrl = (role: 'tandem_owner' | 'tandem_app'): string => {
  const u = new URL(withDatabase(superuserUrl, DATABASE));
  u.username = role;
  u.password = '';
  return u.toString();
};
const log = (msg: string): void => console.log(`[bench] ${msg}`);

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
    s.on('error', fail);
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export async function superuser<T>(fn: (c: Client) => Promise<T>, database = DATABASE): Promise<T> {
  const c = new Client({ connectionString: withDatabase(superuserUrl, database) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function prepareDatabase(reuse: boolean): Promise<void> {
  const exists = await superuser(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount === 1,
    'postgres',
  );
  if (reuse && exists) {
    log(`reusing ${DATABASE}`);
    // Newer code may need newer migrations (the API waits for the schema version it needs).
    await runMigrations(withCredentials(withDatabase(superuserUrl, DATABASE), 'tandem_owner', 'tandem_owner'));
    return;
  }
  await superuser((c) => c.query(`drop database if exists ${DATABASE} with (force)`), 'postgres');
  await bootstrapDatabase({ superuserUrl, database: DATABASE });
  await runMigrations(withCredentials(withDatabase(superuserUrl, DATABASE), 'tandem_owner', 'tandem_owner'));
  const ds = await createDataSource({
    url: withCredentials(withDatabase(superuserUrl, DATABASE), 'tandem_app', 'tandem_app'),
    role: 'app',
    applicationName: 'tandem-bench-seed',
  }).initialize();
  try {
    const t0 = performance.now();
    const result = await seedDemoHub(ds, { clock: wallClock });
    log(
      `demo hub seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(result.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  } finally {
    await ds.destroy();
  }
  await superuser((c) => c.query('vacuum analyze'));
}

export interface Started {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function start(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<Started> {
  const port = await freePort();
  const child = fork(join(__dirname, script), [], {
    cwd: ROOT,
    execArgv: [...execArgv, '-r', join(ROOT, 'scripts', 'register.js')],
    env: { ...process.env, ...env, API_PORT: String(port), PORT: String(port) },
    stdio: ['ignore', process.env['BENCH_DEBUG'] ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await listening(port)) break;
    else {
      if (i > 600) throw new Error(`${script} did not listen within a minute`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    child,
    url,
    async stop() {
      child.send('stop');
      await exited;
    },
  };
}

/**
 * The API as a deployment runs it: NODE_ENV=production, configured from the environment. Production
 * refuses addresses of this machine, so the services get names, as in a cluster, which the test DNS
 * shim (test/integration/cluster-dns.cjs, preloaded) resolves to this machine.
 */
export function startApi(execArgv: string[] = []): Promise<Started> {
  const service = (url: string, name: string): string => Object.assign(new URL(url), { hostname: name }).toString();
  const local = (url: string): string => new URL(url).hostname;
  const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
  return start(
    'api-process.ts',
    {
      NODE_ENV: 'production',
      DATABASE_URL: service(roleUrl('tandem_app'), 'postgres.bench.test'),
      REDIS_URL: service(redisUrl, 'redis.bench.test'),
      METRICS_PORT: '0',
      QUEUE_PREFIX: `bench-api-${randomBytes(4).toString('hex')}`,
      SMTP_URL: 'smtp://smtp.bench.test:1',
      ACCESS_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64url')}`,
      LINK_KEYS: `k1:${randomBytes(32).toString('base64url')}`,
      PUBLIC_APP_URL: 'https://admin.bench.example',
      PUBLIC_API_URL: 'https://api.bench.example',
      TANDEM_TEST_DNS: JSON.stringify({
        'postgres.bench.test': local(roleUrl('tandem_app')),
        'redis.bench.test': local(redisUrl),
        'smtp.bench.test': '127.0.0.1',
      }),
    },
    [...execArgv, '-r', join(ROOT, 'test', 'integration', 'cluster-dns.cjs')],
  );
}

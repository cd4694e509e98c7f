/**
 * The production build, run the way the image runs it (issue 15, finding 11). The runtime stage of
 * infra/docker/Dockerfile is laid out in a fresh folder: package.json and the lockfile with
 * production dependencies only (`npm install --omit=dev`, as the image's deps stage), and
 * `npm run build` (scripts/build.mjs) into its dist/. Then the Dockerfile's own CMD runs there with
 * the image's ENV, NODE_ENV=production, no TypeScript loader and only a pod's variables, against a
 * test database. It must answer GraphQL and health, and serve the built admin app with its strict
 * CSP, which headless Chromium must load, sign in with and render the cockpit under without a single
 * violation. The worker and migrate commands must start from the same layout, the matching solver's
 * thread must load the compiled code, and nothing may be written into the image's folder (the pod's
 * root filesystem is read-only).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ADMIN_CSP } from '@tandem/api-testing';
import { seedDemoHub, type DemoSeedResult } from '@tandem/features';
import { createTestDatabase, launchBrowser, waitFor, type TestBrowser, type TestDatabase } from '@tandem/test-support';
import { ManualClock } from '@tandem/domain';
import { envOf, IMAGE_COMMANDS, readDockerfile, ROOT } from './deploy-files';
import { freePort } from './processes';

/** The image's /app. */
const APP = path.join(ROOT, 'tmp', `image-${process.pid}-${randomBytes(3).toString('hex')}`);
const OUT = path.join(APP, 'dist');
const runtime = readDockerfile().at(-1);
const secret = () => randomBytes(48).toString('base64');
const withoutPassword = (u: string) => Object.assign(new URL(u), { password: '' }).toString();
let queuePrefix: string;

/**
 * The test plays the cluster's DNS (cluster-dns.cjs, preloaded): the processes get service names, as
 * in a pod, which production accepts (it refuses addresses of the machine itself), resolved here to
 * the test's PostgreSQL and Redis. The command run is still exactly the image's.
 */
function serviceUrl(local: string, service: string): string {
  const u = new URL(local);
  dnsMap[service] = u.hostname.replace(/^\[|\]$/g, '');
  u.hostname = service;
  return u.toString();
}
const dnsMap: Record<string, string> = {};

/** What a Deployment gives an API or worker pod (infra/k8s): the app role's URL only, production keys. */
function appEnv(port: number): Record<string, string> {
  return {
    API_PORT: String(port),
    HOST: '127.0.0.1', // a pod listens on 0.0.0.0 (HOST in the manifests); a test machine need not
    METRICS_PORT: '0', // any free port: the default 9464 may be taken by a parallel test
    DATABASE_URL: serviceUrl(withoutPassword(db.appUrl), 'postgres.tandem.test'), // loopback trust; production refuses the test roles' passwords
    REDIS_URL: serviceUrl(process.env['REDIS_URL'] || 'redis://127.0.0.1:6379', 'redis.tandem.test'),
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: serviceUrl('smtp://127.0.0.1:1', 'smtp.tandem.test'),
    ACCESS_TOKEN_KEYS: `a1:${secret()}`,
    LINK_KEYS: `l1:${secret()}`,
    PUBLIC_APP_URL: 'https://tandem.example.org',
    PUBLIC_API_URL: 'https://tandem.example.org',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: `--require ${path.join(__dirname, 'cluster-dns.cjs')}`,
    TANDEM_TEST_DNS: JSON.stringify(dnsMap),
  };
}

let db: TestDatabase;
let hub: DemoSeedResult;
let api: ChildProcess;
let output = '';
let url: string;

/** Every file under the image's folder with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const st = statSync(file);
      return `${path.relative(dir, file)} ${st.size} ${st.mtimeMs}`;
    })
    .sort();
}
let before: string[];

/** A pod's environment: the image's ENV (with /app here), then the variables a Deployment gives. */
function podEnv(extra: Record<string, string>): Record<string, string> {
  const image = Object.fromEntries(
    Object.entries(envOf(runtime as NonNullable<typeof runtime>)).map(([k, v]) => [k, v.replace(/^\/app(?=\/|$)/, APP)]),
  );
  return { PATH: process.env['PATH'] ?? '', HOME: path.join(APP, '..'), ...image, ...extra };
}

/** Runs one of the image's commands in the image's folder. */
function runImageCommand(command: readonly string[], env: Record<string, string>): ChildProcess {
  const [node, ...args] = command;
  expect(node).toBe('node');
  return spawn(process.execPath, args, { cwd: APP, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(async () => {
  mkdirSync(APP, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(path.join(ROOT, f), path.join(APP, f));
  const deps = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: APP, encoding: 'utf8' });
  if (deps.status !== 0) throw new Error(`npm install --omit=dev failed:\n${deps.stdout}\n${deps.stderr}`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  before = snapshot(APP);
  db = await createTestDatabase();
  queuePrefix = `test-build-${randomBytes(4).toString('hex')}`;
  hub = await seedDemoHub(db.appDataSource, {
    clock: new ManualClock('2026-11-17T10:00:00Z'),
    slug: `build-${randomBytes(3).toString('hex')}`,
    schools: 2,
    pupilsPerYearGroup: 4,
    employers: 3,
    requests: 2,
  });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The Dockerfile's CMD with only what an API pod gets (infra/k8s): no DATABASE_OWNER_URL, no loader.
  const cmd = JSON.parse(runtime?.instructions.find((i) => i.op === 'CMD')?.args ?? '[]') as string[];
  expect(cmd).toEqual(IMAGE_COMMANDS.api);
  // Tracing on (console exporter): its instrumentation must still patch http and graphql in compiled code.
  api = runImageCommand(cmd, podEnv({ ...appEnv(port), OTEL_TRACES_EXPORTER: 'console' }));

  api.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  api.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  await waitFor(
    async () => {
      if (api.exitCode !== null) throw new Error(`the built API exited (${api.exitCode}):\n${output}`);
      return fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
    },
    'the built API to answer /health/live',
    60_000,
  );
}, 480_000); // a guard only: the production install and build take ≈1 min, up to ≈3 on a loaded machine

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  rmSync(APP, { recursive: true, force: true });
});

it('is plain JavaScript with every @tandem alias resolved, and no test code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const server = ['apps/api', 'apps/worker', 'libs'].flatMap((d) => files(path.join(OUT, d)));
  expect(server.filter((f) => f.endsWith('.ts'))).toEqual([]);
  expect(server.filter((f) => /\.(spec|int-spec)\.js$|\/testing\//.test(f))).toEqual([]);
  expect(server.filter((f) => f.endsWith('.js') && /require\("@tandem\//.test(readFileSync(f, 'utf8')))).toEqual([]);
  for (const main of ['apps/api/src/main.js', 'apps/worker/src/main.js', 'libs/persistence/src/cli/migrate.js'])
    expect(existsSync(path.join(OUT, main))).toBe(true);
});

it('answers GraphQL and health from the built output, traced when tracing is on', async () => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  const spans = () =>
    output
      .split('\n')
      .filter((l) => l.includes('"msg":"span"') && l.endsWith('}')) /* whole lines only */
      .map((l) => JSON.parse(l) as { traceId: string; spanId: string; parentSpanId?: string; name: string });
  const post = await waitFor(async () => spans().find((x) => x.name === 'POST'), 'the POST /graphql span');
  expect(spans().some((x) => x.name === 'query' && x.traceId === post.traceId && x.parentSpanId === post.spanId)).toBe(true);
  const live = await fetch(`${url}/health/live`);
  expect(live.status).toBe(200);
  const health = await fetch(`${url}/health/ready`);
  expect(health.status).toBe(200);
  // The API's own answers keep the API's policy, not the app's.
  expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(health.headers.get('content-security-policy')).not.toBe(ADMIN_CSP);
});

it('serves the admin app with its CSP: index revalidated, hashed assets cached, emailed deep links, other paths 404', async () => {
  const index = await fetch(`${url}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toMatch(/^text\/html/);
  expect(index.headers.get('content-security-policy')).toBe(ADMIN_CSP);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const html = await index.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script for the CSP to refuse
  const asset = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const js = await fetch(`${url}${asset}`);
  expect([js.status, js.headers.get('cache-control'), js.headers.get('content-security-policy')]).toEqual([
    200,
    'public, max-age=31536000, immutable',
    ADMIN_CSP,
  ]);
  for (const deepLink of ['/bookings/0b6c2f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '/invitations/accept?token=abc', '/password-reset?token=abc']) {
    const res = await fetch(`${url}${deepLink}`);
    expect({ deepLink, status: res.status, csp: res.headers.get('content-security-policy') }).toEqual({
      deepLink,
      status: 200,
      csp: ADMIN_CSP,
    });
    expect(await res.text()).toBe(html);
  }
  expect((await fetch(`${url}/no-such-page`)).status).toBe(404);
  expect((await fetch(`${url}/assets/../../../package.json`)).status).toBe(404);
});

describe('in headless Chromium', () => {
  let browser: TestBrowser;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const { context, page } = browser;
    // Reported twice over: the page's own event, and Chromium's console line for a refused resource.
    await context.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
    await context.addInitScript(
      `document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI))`,
    );
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  }, 60_000);
  afterAll(() => browser?.close());

  it('signs in and renders every page of the coordinator’s menu without a CSP violation', async () => {
    const { page } = browser;
    const coordinator = hub.logins.find((l) => l.role === 'coordinator');
    await page.goto(`${url}/`);
    await page.getByLabel('Email address').fill(coordinator?.email ?? '');
    await page.getByLabel('Password').fill(hub.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor({ timeout: 30_000 });
    // Every page of the coordinator's menu (charts, heat map, calendar, lists) under the policy.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const names = await nav.getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined); // lazy chunks, first queries
    }
    await page.goto(`${url}/password-reset?token=abc`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(violations).toEqual([]);
  }, 90_000);

  it('would see a violation: an inline script is refused and reported', async () => {
    const { page } = browser;
    const ran = await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.appendChild(s);
      return window.inlineRan === true;
    })()`);
    expect(ran).toBe(false);
    await waitFor(async () => violations.length > 0, 'the refused inline script to be reported');
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});

it('the matching solver thread runs the compiled code (no TypeScript loader in the process)', () => {
  const probe = `
    require('reflect-metadata');
    const { MatchingSolverThread } = require('./dist/libs/features/src/matching/matching-solver-thread.js');
    const { generateMatchingHub } = require('./dist/libs/demo-data/src');
    const solver = new MatchingSolverThread();
    // An idle solver thread is unref'd: the process ends by itself once the answer is printed.
    solver.solve(generateMatchingHub(3, { requests: 20, sessions: 80 }), {}).then((r) => {
      const loaders = Object.keys(require.cache).filter((k) => /ts-node|tsconfig-paths|@swc[\\\\/]core/.test(k));
      console.log(JSON.stringify({ optimal: r.optimal, proposals: r.proposals.length, loaders }));
    });`;
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: APP, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ optimal: true, proposals: expect.any(Number), loaders: [] });
  expect(JSON.parse(run.stdout).proposals).toBeGreaterThan(0);
});

it('the worker command starts from the image, consumes its queues and answers its probes', async () => {
  const healthPort = await freePort();
  const worker = runImageCommand(IMAGE_COMMANDS.worker, podEnv({ ...appEnv(0), LOG_LEVEL: 'info', WORKER_HTTP_PORT: String(healthPort) }));
  let log = '';
  worker.stdout?.on('data', (c: Buffer) => (log += c.toString('utf8')));
  worker.stderr?.on('data', (c: Buffer) => (log += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
  await waitFor(
    async () => {
      if (worker.exitCode !== null) throw new Error(`the built worker exited (${worker.exitCode}):\n${log}`);
      return log.includes('consuming queues');
    },
    'the built worker to consume its queues',
    60_000,
  );
  const probe = (path: string) => fetch(`http://127.0.0.1:${healthPort}${path}`).then((r) => r.status);
  expect(await probe('/health/live')).toBe(200);
  expect(await waitFor(async () => (await probe('/health/ready')) === 200, 'the built worker to be ready')).toBe(true);
  worker.kill('SIGKILL'); // how it drains on SIGTERM is tested with the worker's faults, not here
  await exited;
}, 90_000);

it('the migrate command runs from the image with the owner URL (the migrations Job)', () => {
  const [, ...args] = IMAGE_COMMANDS.migrate;
  const env = {
    DATABASE_OWNER_URL: serviceUrl(db.ownerUrl, 'postgres.tandem.test'),
    NODE_OPTIONS: `--require ${path.join(__dirname, 'cluster-dns.cjs')}`,
  };
  const run = spawnSync(process.execPath, args, {
    cwd: APP,
    env: podEnv({ ...env, TANDEM_TEST_DNS: JSON.stringify(dnsMap) }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toContain('migrate: nothing to do');
});

describe('infra/docker/Dockerfile', () => {
  const stages = readDockerfile();
  const all = stages.flatMap((s) => s.instructions);

  it('builds in one stage and runs from another with production dependencies only, as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s.instructions.some((i) => i.op === 'RUN' && /npm run build/.test(i.args)));
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);
    const copies = runtime?.instructions.filter((i) => i.op === 'COPY') ?? [];
    // node_modules comes from a stage that installed with --omit=dev; dist from the build stage.
    const modules = copies.find((c) => /node_modules/.test(c.args));
    const from = /--from=(\S+)/.exec(modules?.args ?? '')?.[1];
    const depsStage = stages.find((s) => s.name === from);
    expect(depsStage?.instructions.some((i) => i.op === 'RUN' && /npm install\b.*--omit=dev/.test(i.args))).toBe(true);
    expect(copies.some((c) => c.args.includes(`--from=${build?.name}`) && /\/dist\b/.test(c.args))).toBe(true);
    expect(runtime?.instructions.some((i) => i.op === 'RUN' && /npm (install|ci)/.test(i.args))).toBe(false);
    const user = runtime?.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(envOf(runtime as NonNullable<typeof runtime>)['NODE_ENV']).toBe('production');
  });

  it('copies named paths only (never the whole context) and the context leaves secrets out', () => {
    for (const i of all.filter((x) => x.op === 'COPY' || x.op === 'ADD')) {
      const sources = i.args
        .split(/\s+/)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1);
      expect({ instruction: i.args, whole: sources.some((src) => src === '.' || src === './' || src === '*') }).toEqual({
        instruction: i.args,
        whole: false,
      });
      if (!i.args.includes('--from='))
        for (const src of sources) expect({ src, exists: existsSync(path.join(ROOT, src)) }).toEqual({ src, exists: true });
    }
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const pattern of ['**/.env', '**/.env.*', '.tandem', '**/node_modules', '.git', '**/*.pem', '**/*.key'])
      expect(ignored).toContain(pattern);
  });

  it('checks liveness only, on the path the API serves: its command passes against the built API and fails without it', async () => {
    const check = runtime?.instructions.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    const [node, ...args] = JSON.parse(/CMD (\[.*\])$/.exec(check)?.[1] ?? '[]') as string[];
    expect(node).toBe('node');
    const defaultUrl = new URL(envOf(runtime as NonNullable<typeof runtime>)['HEALTHCHECK_URL'] ?? '');
    expect([defaultUrl.hostname, defaultUrl.port, defaultUrl.pathname]).toEqual(['127.0.0.1', '3000', '/health/live']);
    const healthcheck = (target: string) =>
      spawnSync(process.execPath, args, { cwd: APP, env: podEnv({ HEALTHCHECK_URL: target }), timeout: 30_000 }).status;
    expect(healthcheck(`${url}${defaultUrl.pathname}`)).toBe(0);
    expect(healthcheck(`http://127.0.0.1:${await freePort()}${defaultUrl.pathname}`)).toBe(1);
  });
});

it('wrote nothing into the image (its root filesystem is read-only in a pod)', () => {
  expect(snapshot(APP)).toEqual(before);
});

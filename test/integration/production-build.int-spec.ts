/**
 * The production build, run the way the image runs it (issue 15, finding 11): `npm run build`
 * (scripts/build.mjs) into a fresh folder, then `node <out>/apps/api/src/main.js` with
 * NODE_ENV=production and no TypeScript loader, against a test database. It must answer GraphQL
 * and health, and serve the built admin app with its strict CSP, which headless Chromium must load,
 * sign in with and render the cockpit under without a single violation. The matching solver's
 * thread must load the compiled code too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ADMIN_CSP } from '@tandem/api-testing';
import { seedDemoHub, type DemoSeedResult } from '@tandem/features';
import { createTestDatabase, launchBrowser, waitFor, type TestBrowser, type TestDatabase } from '@tandem/test-support';
import { ManualClock } from '@tandem/domain';
import { freePort } from './processes';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'tmp', `build-${process.pid}-${randomBytes(3).toString('hex')}`);
const secret = () => randomBytes(48).toString('base64');
const withoutPassword = (u: string) => Object.assign(new URL(u), { password: '' }).toString();

let db: TestDatabase;
let hub: DemoSeedResult;
let api: ChildProcess;
let output = '';
let url: string;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  db = await createTestDatabase();
  hub = await seedDemoHub(db.appDataSource, { clock: new ManualClock('2026-11-17T10:00:00Z'), slug: `build-${randomBytes(3).toString('hex')}`, schools: 2, pupilsPerYearGroup: 4, employers: 3, requests: 2 });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [path.join(OUT, 'apps/api/src/main.js')], {
    cwd: ROOT,
    // Only what a pod gets (infra/k8s): no DATABASE_OWNER_URL, no loader, production.
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      API_PORT: String(port),
      DATABASE_URL: withoutPassword(db.appUrl), // loopback trust; production refuses the test roles' passwords
      REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-build-${randomBytes(4).toString('hex')}`,
      SMTP_URL: 'smtp://127.0.0.1:1',
      ACCESS_TOKEN_KEYS: `a1:${secret()}`,
      LINK_KEYS: `l1:${secret()}`,
      PUBLIC_APP_URL: 'https://tandem.example.org',
      PUBLIC_API_URL: 'https://tandem.example.org',
      ADMIN_STATIC_DIR: path.join(OUT, 'apps/admin'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  api.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  await waitFor(
    async () => {
      if (api.exitCode !== null) throw new Error(`the built API exited (${api.exitCode}):\n${output}`);
      return fetch(`${url}/health`).then((r) => r.ok, () => false);
    },
    'the built API to answer /health',
    60_000,
  );
}, 180_000);

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  rmSync(OUT, { recursive: true, force: true });
});

it('is plain JavaScript with every @tandem alias resolved, and no test code', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const server = ['apps/api', 'apps/worker', 'libs'].flatMap((d) => files(path.join(OUT, d)));
  expect(server.filter((f) => f.endsWith('.ts'))).toEqual([]);
  expect(server.filter((f) => /\.(spec|int-spec)\.js$|\/testing\//.test(f))).toEqual([]);
  expect(server.filter((f) => f.endsWith('.js') && /require\("@tandem\//.test(readFileSync(f, 'utf8')))).toEqual([]);
  for (const main of ['apps/api/src/main.js', 'apps/worker/src/main.js', 'libs/persistence/src/cli/migrate.js']) expect(existsSync(path.join(OUT, main))).toBe(true);
});

it('answers GraphQL and health from the built output', async () => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  const health = await fetch(`${url}/health`);
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
  expect([js.status, js.headers.get('cache-control'), js.headers.get('content-security-policy')]).toEqual([200, 'public, max-age=31536000, immutable', ADMIN_CSP]);
  for (const deepLink of ['/bookings/0b6c2f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', '/invitations/accept?token=abc', '/password-reset?token=abc']) {
    const res = await fetch(`${url}${deepLink}`);
    expect({ deepLink, status: res.status, csp: res.headers.get('content-security-policy') }).toEqual({ deepLink, status: 200, csp: ADMIN_CSP });
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
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI))`);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  }, 60_000);
  afterAll(() => browser?.close());

  it('signs in and renders the cockpit without a CSP violation', async () => {
    const { page } = browser;
    const coordinator = hub.logins.find((l) => l.role === 'coordinator');
    await page.goto(`${url}/`);
    await page.getByLabel('Email address').fill(coordinator?.email ?? '');
    await page.getByLabel('Password').fill(hub.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor({ timeout: 30_000 });
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
    const { MatchingSolverThread } = require(${JSON.stringify(path.join(OUT, 'libs/features/src/matching/matching-solver-thread.js'))});
    const { generateMatchingHub } = require(${JSON.stringify(path.join(OUT, 'libs/domain/src'))});
    const solver = new MatchingSolverThread();
    solver.solve(generateMatchingHub(3, { requests: 20, sessions: 80 }), {}).then(async (r) => {
      const loaders = Object.keys(require.cache).filter((k) => /ts-node|tsconfig-paths|@swc[\\\\/]core/.test(k));
      console.log(JSON.stringify({ optimal: r.optimal, proposals: r.proposals.length, loaders }));
      await solver.onModuleDestroy();
    });`;
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ optimal: true, proposals: expect.any(Number), loaders: [] });
  expect(JSON.parse(run.stdout).proposals).toBeGreaterThan(0);
});

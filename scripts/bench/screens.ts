/**
 * `npm run bench:screens` — how long the coordinator's cockpit, the hub admin's overview and a school's
 * progress take to show their content in headless Chromium, on the demo hub, from a warm API (issue 16).
 *
 * The API runs in production mode in its own process on the bench database (`tandem_bench_api`, as
 * bench:api builds it); the admin app is the production build (`vite build`) served by `vite preview`,
 * which proxies /graphql to the API as a deployment's ingress would. Each role logs in once; each screen
 * is loaded twice to warm the API and the browser's cache, then reloaded RUNS times. A run is timed from
 * the reload to the screen's first meaningful content: its data drawn (the heat map, the headline
 * figures, the open requests) and no loading indicator left. Writes the table into docs/benchmarks.md.
 *
 *   npm run bench:screens [-- --runs 7] [-- --reuse] [-- --no-doc]
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), TEST_DATABASE_SUPERUSER_URL, REDIS_URL.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@tandem/features';
import { DEMO_EMAIL, freePort, prepareDatabase, ROOT, startApi, wallClock } from './api-stack';

const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 7);
const log = (msg: string): void => console.log(`[bench:screens] ${msg}`);
const NO_LOADING = `!document.querySelector('.loading')`;

interface Screen {
  name: string;
  email: string;
  route: string;
  /** The content that makes the screen useful, visible. */
  content: string;
  heading: string;
}

const SCREENS: Screen[] = [
  {
    name: "coordinator's cockpit (headline, heat map of 10 schools, open requests and offers)",
    email: DEMO_EMAIL('coordinator.cluster-1'),
    route: '#/dashboard',
    heading: 'Cockpit',
    content: '.heatmap',
  },
  {
    name: "hub admin's overview (clusters compared, heat map of a cluster's schools)",
    email: DEMO_EMAIL('hub.admin'),
    route: '#/dashboard',
    heading: 'Hub overview',
    content: '.heatmap',
  },
  {
    name: "school progress (a school's staff: headline and year groups)",
    email: DEMO_EMAIL('careers.lead.school-1'),
    route: '#/dashboard',
    heading: 'Progress',
    content: '.headline',
  },
];

async function run(cmd: string, argv: string[], env: Record<string, string> = {}): Promise<void> {
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [cmd, ...argv], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${cmd} exited with ${code}`))));
  });
}

async function contentShown(page: Page, screen: Screen): Promise<void> {
  await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor({ timeout: 60_000 });
  await page.locator(screen.content).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(NO_LOADING, undefined, { timeout: 60_000 });
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  await prepareDatabase(args.includes('--reuse'));
  log('building the admin app (vite build)');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(vite, ['build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'error']);
  const api = await startApi();
  const port = await freePort();
  const preview = spawn(
    process.execPath,
    [vite, 'preview', '--config', 'apps/admin/vite.config.mts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...process.env, API_PROXY_TARGET: api.url.replace(/\/graphql$/, ''), FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const appUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const results: Array<{ screen: Screen; ms: number[] }> = [];
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(appUrl)).ok) break;
      } catch {
        if (i > 600) throw new Error('vite preview did not answer');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const screen of SCREENS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${appUrl}/#/`);
      await page.getByLabel('Email address').fill(screen.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: 60_000 });
      await page.goto(`${appUrl}/${screen.route}`);
      await contentShown(page, screen);
      const ms: number[] = [];
      for (let r = -2; r < RUNS; r++) {
        const t0 = performance.now();
        await page.reload({ waitUntil: 'commit' });
        await contentShown(page, screen);
        if (r >= 0) ms.push(performance.now() - t0);
      }
      results.push({ screen, ms });
      log(`${screen.name}: ${ms.map((x) => x.toFixed(0)).join(', ')} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    preview.kill('SIGTERM');
    await api.stop();
  }
  const lines = [
    `Measured ${wallClock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Chromium (headless), the API (production mode), PostgreSQL and \`vite preview\` of the production build on the same machine; 1-minute load average ${loadAtStart.toFixed(1)} at the start. ${RUNS} reloads per screen after 2 to warm up, each timed from the reload to the content shown with no loading indicator left. Target ≤ 1 s.`,
    '',
    '| screen | median ms | slowest ms | target met |',
    '|---|---:|---:|---|',
    ...results.map(({ screen, ms }) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const median = quantile(sorted, 0.5);
      return `| ${screen.name} | ${median.toFixed(0)} | ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)} | ${median <= 1000 ? 'yes' : '**no**'} |`;
    }),
  ];
  const table = lines.join('\n');
  console.log(table);
  if (!args.includes('--no-doc')) {
    const file = join(ROOT, 'docs', 'benchmarks.md');
    const start = '<!-- bench-screens:start -->';
    const end = '<!-- bench-screens:end -->';
    const doc = readFileSync(file, 'utf8');
    const block = `${start}\n${table}\n${end}`;
    writeFileSync(
      file,
      doc.includes(start)
        ? doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length)
        : `${doc.trimEnd()}\n\n## Screens (\`npm run bench:screens\`)\n\n${block}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

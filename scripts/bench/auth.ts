/**
 * npm run bench:auth — what revocation within a second costs per request (issue 14).
 *
 * Every authenticated request verifies its JWT and reads its log-in row (`auth_sessions`, one
 * primary-key read, SessionLiveness) so that logout, removal, a role or password change end access on
 * the next request. Measured in one run, on the real API over HTTP:
 *   - the session read alone (SessionLiveness.isLive, in process), and
 *   - the same cheap public query (`{ apiVersion }`) sent without a token and with one, interleaved,
 *     so the difference is what authentication (JWT + session read) adds to a request.
 * Writes the section of docs/benchmarks.md.
 *
 *   node -r ./scripts/register.js scripts/bench/auth.ts [requests]   (default 2000 of each)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { createHubFixture, startTestApi, type TestApi } from '@tandem/api-testing';
import { ManualClock, SystemClock } from '@tandem/domain';
import { bootstrapDatabase, createDataSource, runMigrations, SystemDb, TenantDb } from '@tandem/persistence';
import { SessionLiveness } from '@tandem/platform';
import { roleUrl, superuserUrl, type TestDatabase } from '@tandem/test-support';
import { Client } from 'pg';

const wallClock = new SystemClock();
const SECTION = '## Revocation: the per-request session check (`npm run bench:auth`)';
const DOC = path.join(__dirname, '..', '..', 'docs', 'benchmarks.md');

async function freshDatabase(): Promise<TestDatabase> {
  const name = `tandem_bench_auth_${process.pid}_${randomBytes(3).toString('hex')}`;
  await bootstrapDatabase({ superuserUrl: superuserUrl(), database: name });
  await runMigrations(roleUrl(name, 'owner'));
  const appUrl = roleUrl(name, 'app');
  const appDataSource = await createDataSource({
    url: appUrl,
    role: 'app',
    poolSize: 10,
    applicationName: 'tandem-bench-auth',
  }).initialize();
  const clock = new ManualClock(wallClock.now());
  return {
    name,
    clock,
    appUrl,
    ownerUrl: roleUrl(name, 'owner'),
    appDataSource,
    tenantDb: new TenantDb(appDataSource, clock),
    systemDb: new SystemDb(appDataSource, clock),
    async drop() {
      if (appDataSource.isInitialized) await appDataSource.destroy();
      const admin = new Client({ connectionString: superuserUrl() });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const summary = (ms: number[]): { median: number; p95: number } => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  const load = loadavg()[0] ?? 0;
  const db = await freshDatabase();
  let api: TestApi | undefined;
  try {
    api = await startTestApi({ db });
    const hub = await createHubFixture(api);
    const principal = hub.principals.coordinator;
    const liveness = api.app.get(SessionLiveness);
    const post = (token?: string) =>
      fetch(`${api?.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: '{"query":"{ apiVersion }"}',
      }).then((r) => r.text());

    // Warm up both paths (JIT, pool connections, prepared plans).
    for (let i = 0; i < 200; i++) {
      await post();
      await post(hub.tokens.coordinator);
      await liveness.isLive(principal.sessionId as string, principal.userId);
    }
    const check: number[] = [];
    for (let i = 0; i < n; i++) check.push(await timed(() => liveness.isLive(principal.sessionId as string, principal.userId)));
    const anonymous: number[] = [];
    const authenticated: number[] = [];
    const token = hub.tokens.coordinator;
    for (let i = 0; i < n; i++) {
      anonymous.push(await timed(() => post()));
      authenticated.push(await timed(() => post(token)));
    }
    const c = summary(check);
    const a = summary(anonymous);
    const t = summary(authenticated);
    const fmt = (x: number): string => x.toFixed(2);
    const lines = [
      SECTION,
      '',
      `Measured ${wallClock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
        `PostgreSQL on the same machine; 1-minute load average ${load.toFixed(1)} when the run began. ${n} of each, sequential, after 200 to warm up.`,
      '',
      '| what | median ms | p95 ms |',
      '| --- | ---: | ---: |',
      `| the session read alone (\`SessionLiveness.isLive\`: one primary-key select on \`auth_sessions\`) | ${fmt(c.median)} | ${fmt(c.p95)} |`,
      `| \`{ apiVersion }\` over HTTP, no token (baseline) | ${fmt(a.median)} | ${fmt(a.p95)} |`,
      `| the same with a bearer token (JWT verified + session read) | ${fmt(t.median)} | ${fmt(t.p95)} |`,
      `| **added by authentication, per request** | **${fmt(t.median - a.median)}** (${(t.median / a.median).toFixed(2)}× the baseline) | ${fmt(t.p95 - a.p95)} |`,
      '',
      'What it buys: logout, removal from a hub, a role change, a password change or reset and a disabled account end access on the very next request (apps/api/test/revocation.int-spec.ts), instead of up to 15 minutes later when the access token expires. The read is not cached, so there is no window at all; the API benchmark of issue 16 will put this figure next to whole requests.',
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
    console.log(body);
  } finally {
    await api?.close();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

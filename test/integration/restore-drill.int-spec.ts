/**
 * `npm run restore-drill` against a small seeded database (two hubs, pupils written through the API,
 * so the ledger has rows): the real command, as an operator runs it, dumps, restores into a new
 * database, and prints equal figures for every table and, per hub under row-level security as the
 * app role, for pupils and the ledger. (scripts/ops/restore-drill.spec.ts checks that the comparison
 * catches a difference.)
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { superuserUrl } from '@tandem/test-support';
import { Client } from 'pg';

jest.setTimeout(180_000);

let api: TestApi;
const hubs: HubFixture[] = [];
const PUPILS = [3, 5];

beforeAll(async () => {
  api = await startTestApi();
  for (const [i, n] of PUPILS.entries()) {
    const hub = await createHubFixture(api, `drill${i}`);
    hubs.push(hub);
    for (let p = 0; p < n; p += 1) {
      await api.ok(
        `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
        { input: { schoolId: hub.schoolA.id, reference: `D${i}${String(p).padStart(11, '0')}`, yearGroup: 10 } },
        hub.tokens.hubAdmin,
      );
    }
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
});

function drill(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './scripts/register.js', 'scripts/ops/restore-drill.ts', ...args], {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

it('dumps, restores into a new database and finds every table and every hub figure equal', async () => {
  const { code, output } = await drill(['--source', api.db.ownerUrl, '--admin', superuserUrl()]);
  expect(output).toMatch(/^OK: \d+ tables and 4 per-hub figures equal$/m);
  expect(code).toBe(0);
  expect(output).not.toContain('MISMATCH');
  for (const [i, hub] of hubs.entries()) {
    expect(output).toMatch(new RegExp(`hub ${hub.slug}: pupils, bookings, encounters +${PUPILS[i]}, 0, 0 +${PUPILS[i]}, 0, 0`));
  }
  expect(output).toMatch(new RegExp(`table pupils +${PUPILS[0] + PUPILS[1]} +${PUPILS[0] + PUPILS[1]}`));
  expect(output).toMatch(/table audit_log +[1-9]\d* +[1-9]\d*/);
  // The restored database is gone again (no --keep).
  const admin = new Client({ connectionString: superuserUrl() });
  await admin.connect();
  try {
    const left = await admin.query(`select count(*)::int as n from pg_database where datname like $1`, [`${api.db.name}_restore_drill_%`]);
    expect(left.rows[0].n).toBe(0);
  } finally {
    await admin.end();
  }
});

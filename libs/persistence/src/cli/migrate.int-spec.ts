/**
 * Issue 15, finding 6: migrators started at once (an initContainer per pod, a retried Job) must all
 * succeed and leave the schema complete. Real processes (`npm run migrate`'s entry point) against a
 * fresh, bootstrapped but unmigrated database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { roleUrl, superuserUrl } from '@tandem/test-support';
import { APP_ROLE, bootstrapDatabase, MIGRATIONS, OWNER_ROLE } from '../index';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const database = `tandem_migrate_${process.pid}_${randomBytes(4).toString('hex')}`;

function runMigrator(ownerUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './scripts/register.js', 'libs/persistence/src/cli/migrate.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_OWNER_URL: ownerUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  await bootstrapDatabase({ superuserUrl: superuserUrl(), database });
});

afterAll(async () => {
  const admin = new Client({ connectionString: superuserUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

it('three migrators at once all exit 0, one runs the migrations, the schema is complete', async () => {
  const ownerUrl = roleUrl(database, 'owner');
  const results = await Promise.all([runMigrator(ownerUrl), runMigrator(ownerUrl), runMigrator(ownerUrl)]);
  for (const r of results) expect({ code: r.code, output: r.code === 0 ? '' : r.output }).toEqual({ code: 0, output: '' });
  const names = MIGRATIONS.map((m) => m.name);
  const ran = results.filter((r) => r.output.includes('migrated: '));
  expect(ran).toHaveLength(1);
  expect(ran[0]?.output).toContain(`migrated: ${names.join(', ')}`);
  expect(results.filter((r) => r.output.includes('migrate: nothing to do'))).toHaveLength(2);

  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ name: string }>('select name from schema_migrations order by timestamp');
    expect(rows.map((r) => r.name)).toEqual(names);
  } finally {
    await owner.end();
  }
});

it("a bootstrap for another database keeps the shared roles' passwords (issue 15, finding 12)", async () => {
  const admin = new Client({ connectionString: superuserUrl() });
  await admin.connect();
  const other = `${database}_b`;
  try {
    const hashes = async (): Promise<Array<{ rolname: string; rolpassword: string | null }>> =>
      (await admin.query('select rolname, rolpassword from pg_authid where rolname = any($1) order by rolname', [[APP_ROLE, OWNER_ROLE]]))
        .rows;
    const before = await hashes();
    expect(before).toHaveLength(2);
    await bootstrapDatabase({
      superuserUrl: superuserUrl(),
      database: other,
      ownerPassword: 'another-owner-password',
      appPassword: 'another-app-password',
    });
    expect(await hashes()).toEqual(before);
  } finally {
    await admin.query(`drop database if exists ${other} with (force)`);
    await admin.end();
  }
});

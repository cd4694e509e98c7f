/**
 * Issue 15, finding 6: the API and worker wait at start-up (bounded, with a clear log line) for the
 * schema version their code needs: a pod started while the migration Job still runs neither serves
 * nor consumes against an older schema. Real processes, on a test database whose newest migration
 * is taken back (as if it had not run yet) and then put back (as the migration Job would).
 */
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tandem/test-support';
import { Client } from 'pg';
import { launchNode, workerStarted, type Launched } from './processes';

jest.setTimeout(180_000);

let db: TestDatabase;
let owner: Client;
let newest: { id: number; timestamp: string; name: string };
const launched: Launched[] = [];

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TANDEM_CLOCK_START: db.clock.now().toISOString(),
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    SMTP_URL: 'smtp://127.0.0.1:1',
    ACCESS_TOKEN_KEYS: `t:${randomBytes(32).toString('base64url')}`,
    LINK_KEYS: `l:${randomBytes(32).toString('base64url')}`,
    API_PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<typeof newest>(
    'delete from schema_migrations where timestamp = (select max(timestamp) from schema_migrations) returning id, timestamp, name',
  );
  newest = rows[0] as typeof newest;
});

afterAll(async () => {
  await Promise.all(launched.map((p) => p.kill9()));
  await owner?.end();
  await db?.drop();
});

it('the API gives up after SCHEMA_WAIT_SECONDS with one clear line, and exits 1', async () => {
  const api = launchNode('apps/api/src/main.ts', env({ SCHEMA_WAIT_SECONDS: '1' }));
  launched.push(api);
  expect(await api.exited).toBe(1);
  expect(api.output()).toContain('"msg":"waiting for the database schema"');
  expect(api.output()).toMatch(
    new RegExp(
      `"level":"fatal","msg":"the database schema is not at version ${newest.timestamp}, which this code needs \\(schema is at \\d+, the code needs ${newest.timestamp}; waited 1 s, SCHEMA_WAIT_SECONDS=1\\): run the migrations`,
    ),
  );
  expect(api.output()).not.toContain('listening');
});

it('the worker waits, logging why, and starts consuming once the migration has run', async () => {
  const worker = launchNode('apps/worker/src/main.ts', env());
  launched.push(worker);
  await worker.printed('"msg":"waiting for the database schema"');
  expect(worker.output()).not.toContain('consuming queues');
  await owner.query('insert into schema_migrations (id, timestamp, name) values ($1, $2, $3)', [newest.id, newest.timestamp, newest.name]);
  const started = await workerStarted(worker);
  expect(worker.output()).toContain(`"msg":"database schema ready","context":"worker","version":${newest.timestamp}`);
  expect((await fetch(`${started.httpUrl}/health/ready`)).status).toBe(200);
});

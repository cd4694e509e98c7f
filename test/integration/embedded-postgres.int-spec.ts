/**
 * Embedded mode (`npm run dev -- --embedded`): PGlite behind scripts/embedded/pglite-server.ts, queues
 * on BullMQ's PostgreSQL backend. The server runs as dev.sh runs it (own process, a free port, data in a
 * temporary folder), and the database is prepared by the same scripts. Needs neither the shared
 * PostgreSQL nor Redis.
 *
 * What broke there before: connections past 20 were refused (ECONNRESET floods in the worker, a failed
 * first API request); one connection's Parse slipped between another's Parse and Bind ("bind message
 * supplies 2 parameters, but prepared statement "" requires 1"); the outbox relay held a transaction
 * while BullMQ's connection waited for it (PGlite runs one transaction at a time: everything hung, no
 * matching run ever started); and the app role could not create BullMQ's job-id sequence on the first add.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '@tandem/domain';
import { createDataSource, SystemDb, TenantDb } from '@tandem/persistence';
import { TEST_START } from '@tandem/test-support';
import { ALL_QUEUE_NAMES, jobIdFor, OutboxRelay, QueueProducer, type QueueName } from '@tandem/platform';
import { createPostgresBackend, Queue, setDefaultBackendFactory } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { freePort } from './processes';

const ROOT = path.join(__dirname, '..', '..');
let server: ChildProcess;
let dataDir: string;
let port: number;
const url = (user: string): string => `postgres://${user}:${user}@127.0.0.1:${port}/tandem`;

beforeAll(async () => {
  port = await freePort();
  dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-pglite-'));
  server = spawn('node', ['-r', './scripts/register.js', 'scripts/embedded/pglite-server.ts', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('listening')) resolve();
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.once('exit', (code) => reject(new Error(`pglite-server exited (${code}): ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function connect(user = 'postgres'): Promise<Client> {
  const client = new Client({ connectionString: url(user) });
  await client.connect();
  return client;
}

/** Rejects when `promise` takes longer than `ms` (a hang here is the bug, not a slow machine). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('the embedded PostgreSQL server', () => {
  it('serves more connections at once than the API and the worker open between them (the old limit was 20)', async () => {
    const clients = await Promise.all(Array.from({ length: 60 }, () => connect()));
    try {
      const answers = await Promise.all(clients.map((c, i) => c.query<{ n: number }>('select $1::int as n', [i])));
      expect(answers.map((a) => a.rows[0].n)).toEqual(clients.map((_, i) => i));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it("does not let another connection's query in between one connection's Parse and its Bind", async () => {
    // Raw wire protocol, so the timing is ours: A parses a 1-parameter statement and pauses; B runs a
    // whole 2-parameter query; then A binds. Before the fix B's Parse replaced A's unnamed statement
    // ("bind message supplies 1 parameters, but prepared statement "" requires 2").
    const [a, b] = await Promise.all([rawConnect(), rawConnect()]);
    try {
      a.send(parse('select $1::int as v'));
      await sleep(50);
      const bDone = b.until('Z');
      b.send(parse('select $1::int + $2::int as v'), bind(['2', '3']), execute(), sync());
      await sleep(50);
      const aDone = a.until('Z');
      a.send(bind(['7']), execute(), sync());
      const [aReply, bReply] = await within(5_000, 'both queries', Promise.all([aDone, bDone]));
      expect(aReply).toEqual({ error: null, values: ['7'] });
      expect(bReply).toEqual({ error: null, values: ['5'] });
    } finally {
      a.close();
      b.close();
    }
  });

  it('rolls back the transaction of a connection that goes away and lets the others go on', async () => {
    const setup = await connect();
    await setup.query('create table if not exists embedded_probe (n int)');
    // Both connected first: a connection's start-up, like any query, waits while another holds a transaction.
    const [a, b] = await Promise.all([connect(), connect()]);
    a.on('error', () => undefined);
    await a.query('begin');
    await a.query('insert into embedded_probe values ($1)', [1]);
    try {
      const counted = b.query<{ n: number }>('select count(*)::int as n from embedded_probe');
      // A's socket dies mid-transaction (a killed process): B must not wait for ever, nor see A's row.
      (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      expect((await within(5_000, 'query after the transaction owner vanished', counted)).rows[0].n).toBe(0);
    } finally {
      await b.end();
      await setup.end();
    }
  });
});

// ── a bare wire-protocol client (just enough for the interleaving test) ─────────────────────────

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cstr = (text: string) => Buffer.from(`${text}\0`);
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const parse = (sql: string) => message('P', Buffer.concat([cstr(''), cstr(sql), int16(0)]));
function bind(values: string[]): Buffer {
  const params = values.map((v) => {
    const len = Buffer.alloc(4);
    len.writeInt32BE(Buffer.byteLength(v));
    return Buffer.concat([len, Buffer.from(v)]);
  });
  return message('B', Buffer.concat([cstr(''), cstr(''), int16(0), int16(values.length), ...params, int16(0)]));
}
const execute = () => message('E', Buffer.concat([cstr(''), Buffer.alloc(4)]));
const sync = () => message('S', Buffer.alloc(0));

interface Reply {
  error: string | null;
  values: string[];
}
interface RawClient {
  send(...messages: Buffer[]): void;
  /** Collects the error and first-column values the server sends up to the next message of `type`. */
  until(type: string): Promise<Reply>;
  close(): void;
}

async function rawConnect(): Promise<RawClient> {
  const socket = createConnection({ host: '127.0.0.1', port });
  let buffer = Buffer.alloc(0);
  let waiter: { type: string; reply: Reply; resolve: (r: Reply) => void } | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const type = String.fromCharCode(buffer[0]);
      const body = buffer.subarray(5, 1 + buffer.readInt32BE(1));
      buffer = buffer.subarray(1 + buffer.readInt32BE(1));
      if (!waiter) continue;
      if (type === 'E')
        waiter.reply.error =
          body
            .toString('utf8')
            .split('\0')
            .find((f) => f.startsWith('M'))
            ?.slice(1) ?? 'error';
      if (type === 'D' && body.readInt32BE(2) >= 0) waiter.reply.values.push(body.subarray(6, 6 + body.readInt32BE(2)).toString('utf8'));
      if (type === waiter.type) {
        const done = waiter;
        waiter = null;
        done.resolve(done.reply);
      }
    }
  });
  const client: RawClient = {
    send: (...messages) => socket.write(Buffer.concat(messages)),
    until: (type) => new Promise<Reply>((resolve) => (waiter = { type, reply: { error: null, values: [] }, resolve })),
    close: () => socket.destroy(),
  };
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const ready = client.until('Z');
  const startup = Buffer.concat([Buffer.from([0, 3, 0, 0]), cstr('user'), cstr('postgres'), cstr('database'), cstr('postgres'), cstr('')]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(startup.length + 4);
  socket.write(Buffer.concat([length, startup]));
  await within(5_000, 'start-up', ready);
  return client;
}

describe('the outbox relay on the embedded server (queues on BullMQ PostgreSQL)', () => {
  let dataSource: DataSource;
  const queues = new Map<QueueName, Queue>();

  beforeAll(async () => {
    // As dev.sh prepares it: bootstrap, migrate as the owner, BullMQ's tables, then the app role.
    const superuser = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const run = async (script: string, ...args: string[]): Promise<void> => {
      await promisify(execFile)('node', ['-r', './scripts/register.js', script, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_OWNER_URL: url('tandem_owner') },
      });
    };
    await run('scripts/db-bootstrap.ts', superuser, 'tandem');
    await run('scripts/embedded/set-session-role.ts', superuser, 'tandem_owner');
    await run('libs/persistence/src/cli/migrate.ts');
    const owner = await connect('tandem_owner');
    try {
      // A hub with one pending outbox row (a matching run's job), written as the owner.
      const tenant = await owner.query<{ id: string }>(
        `insert into tenants (name, slug) values ('Embedded Hub', 'embedded-hub') returning id`,
      );
      const tenantId = tenant.rows[0].id;
      const payload = { tenantId, runId: '00000000-0000-4000-8000-000000000001' };
      await owner.query(
        // Due at the test's clock (TEST_START), whatever the machine's time.
        `insert into notification_outbox (tenant_id, kind, dedupe_key, payload, available_at) values ($1, 'matching', $2, $3::jsonb, $4)`,
        [tenantId, jobIdFor.matching(payload), JSON.stringify(payload), TEST_START],
      );
    } finally {
      await owner.end();
    }
    await run('scripts/embedded/set-session-role.ts', superuser, 'reset');
    await run('scripts/queue-migrate.ts', url('tandem_owner'), 'public');
    await run('scripts/embedded/set-session-role.ts', superuser, 'tandem_app');

    dataSource = await createDataSource({ url: url('tandem_app'), role: 'app', applicationName: 'embedded-relay-test' }).initialize();
    setDefaultBackendFactory(createPostgresBackend);
    for (const name of ALL_QUEUE_NAMES) {
      queues.set(
        name,
        new Queue(name, { connection: { connectionString: url('tandem_app'), schema: 'public', skipMigrations: true } as never }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await dataSource?.destroy();
  });

  it('moves a pending row to its queue instead of waiting for ever on its own transaction', async () => {
    const q = (name: QueueName) => queues.get(name) as Queue;
    const producer = new QueueProducer(q('imports'), q('mail'), q('nudges'), q('ledger'), q('matching'), q('maintenance'));
    const clock = new ManualClock(TEST_START);
    const relay = new OutboxRelay(clock, new SystemDb(dataSource, clock), new TenantDb(dataSource, clock), producer, { autoStart: false });

    expect(await within(15_000, 'relayOnce', relay.relayOnce())).toBe(1);

    const job = await q('matching').getJob(jobIdFor.matching({ tenantId: '', runId: '00000000-0000-4000-8000-000000000001' }));
    expect(job?.data).toMatchObject({ runId: '00000000-0000-4000-8000-000000000001' });
    // The row was marked relayed: the next round finds nothing.
    expect(await within(5_000, 'second relayOnce', relay.relayOnce())).toBe(0);
  });
});

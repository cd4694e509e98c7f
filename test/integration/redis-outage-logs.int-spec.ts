/**
 * Issue 15, finding 3: with Redis down, ioredis (through BullMQ) printed hundreds of raw,
 * multi-line stack traces. Real API and worker processes on a Redis of the test's own (never the
 * shared one): it is killed, its port answered by a listener that counts and drops every reconnect
 * attempt, then it is started again. Everything both processes print is JSON, and the outage is a
 * few lines: lost, (still lost), restored.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { startTestApi, type TestApi } from '@tandem/api-testing';
import { formatKeyRing } from '@tandem/platform';
import { waitFor } from '@tandem/test-support';
import { startApiProcess, startRedis, startWorkerProcess, type Proc, type RedisProc } from './processes';

jest.setTimeout(180_000);

let redis: RedisProc;
let api: TestApi;
const procs: Proc[] = [];

beforeAll(async () => {
  redis = await startRedis();
  api = await startTestApi({ env: { REDIS_URL: redis.url } });
});

afterAll(async () => {
  for (const p of procs) await p.stop();
  await api?.close();
  await redis?.stop();
});

/** Listens on the dead Redis's port: takes each connection and drops it, counting them. */
async function dropConnections(port: number): Promise<{ attempts: () => number; close: () => Promise<void> }> {
  let attempts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    attempts += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  return {
    attempts: () => attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function lines(output: string): string[] {
  return output.split('\n').filter((l) => l.trim());
}

it('logs a Redis outage as a few JSON lines per process, never a raw stack', async () => {
  const env = {
    NODE_ENV: 'test',
    TANDEM_CLOCK_START: api.clock.now().toISOString(),
    DATABASE_URL: api.db.appUrl,
    DATABASE_OWNER_URL: api.db.ownerUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: api.queuePrefix,
    ACCESS_TOKEN_KEYS: formatKeyRing(api.config.accessTokenKeys),
    LINK_KEYS: formatKeyRing(api.config.linkKeys),
    LOG_LEVEL: 'info',
  };
  const worker = await startWorkerProcess(env);
  procs.push(worker);
  const apiProc = await startApiProcess(env);
  procs.push(apiProc);
  const before = { worker: worker.output().length, api: apiProc.output().length };
  const since = (p: Proc, key: 'worker' | 'api'): string[] => lines(p.output().slice(before[key]));

  await redis.crash();
  await waitFor(
    async () => [worker, apiProc].every((p) => p.output().includes('"msg":"redis unavailable"')),
    'both processes to say Redis is unavailable',
    30_000,
  );
  const port = Number(new URL(redis.url).port);
  const dropper = await dropConnections(port);
  // Dozens of failed reconnects: before the fix each printed a seven-line stack.
  await waitFor(async () => dropper.attempts() >= 40, '40 reconnect attempts', 60_000);
  await dropper.close();
  await redis.restart();
  await waitFor(
    async () => [worker, apiProc].every((p) => p.output().includes('"msg":"redis connection restored"')),
    'both processes to say Redis is back',
    60_000,
  );

  for (const [p, key] of [
    [worker, 'worker'],
    [apiProc, 'api'],
  ] as const) {
    const out = since(p, key);
    const notJson = out.filter((l) => {
      try {
        return typeof JSON.parse(l) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const entries = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    const redisLines = entries.filter((e) => /^redis /.test(String(e['msg'])));
    expect(redisLines.length).toBeGreaterThanOrEqual(2);
    expect(redisLines.length).toBeLessThanOrEqual(4);
    expect(redisLines[0]).toMatchObject({ level: 'warn', msg: 'redis unavailable', context: 'queue' });
    expect(redisLines[redisLines.length - 1]).toMatchObject({ level: 'info', msg: 'redis connection restored' });
    expect(entries.filter((e) => 'stack' in e || JSON.stringify(e).includes('    at '))).toEqual([]);
    // Everything the process said through the outage, the outbox relay's backed-off retries included.
    expect(out.length).toBeLessThan(25);
  }
});

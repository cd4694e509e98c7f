/**
 * Real processes for the fault tests: the worker started the way production starts it
 * (`node -r ./scripts/register.js apps/worker/src/main.ts`, configured by environment), and a
 * private `redis-server` on a spare port (never the shared one on 6379) that can be killed and
 * restarted with its data (append-only file, fsync on every write).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import IORedis from 'ioredis';

const ROOT = path.join(__dirname, '..', '..');

export interface Proc {
  pid: number;
  /** kill -9: no shutdown hooks, no goodbyes. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  output(): string;
}

function watch(child: ChildProcess): { exited: Promise<number | null>; output: () => string } {
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, output: () => output };
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  exited?: Promise<unknown>,
  output?: () => string,
): Promise<void> {
  const started = performance.now();
  let gone = false;
  void exited?.then(() => (gone = true));
  for (;;) {
    if (await check()) return;
    if (gone) throw new Error(`${what}: the process exited first. Output:\n${output?.() ?? ''}`);
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms. Output:\n${output?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function procOf(child: ChildProcess, w: ReturnType<typeof watch>): Proc {
  return {
    pid: child.pid as number,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await w.exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await w.exited;
      clearTimeout(timer);
    },
    output: w.output,
  };
}

export interface WorkerProc extends Proc {
  /**
   * http://127.0.0.1:<port> of its probes (it starts on a free port unless WORKER_HTTP_PORT is
   * given); read from its start-up log, so '' when LOG_LEVEL hides info lines.
   */
  httpUrl: string;
}

export interface Launched extends Proc {
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Waits until its output contains `text` (fails early if it exits first). */
  printed(text: string, timeoutMs?: number): Promise<void>;
}

/** Starts `node -r ./scripts/register.js <script>` with `env` (as production starts the apps). */
export function launchNode(script: string, env: Record<string, string>): Launched {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', script], {
    cwd: ROOT,
    env: { ...process.env, WORKER_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const w = watch(child);
  return {
    ...procOf(child, w),
    exited: w.exited,
    printed: (text, timeoutMs = 90_000) => until(() => w.output().includes(text), `"${text}"`, timeoutMs, w.exited, w.output),
  };
}

/** A launched worker, once it consumes its queues. */
export async function workerStarted(launched: Launched): Promise<WorkerProc> {
  await launched.printed('consuming queues');
  const port = /"msg":"worker http listening"[^\n]*"port":(\d+)/.exec(launched.output())?.[1];
  return {
    pid: launched.pid,
    kill9: launched.kill9,
    stop: launched.stop,
    output: launched.output,
    httpUrl: port ? `http://127.0.0.1:${port}` : '',
  };
}

/** Starts a worker process and resolves once it consumes its queues. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProc> {
  return workerStarted(launchNode('apps/worker/src/main.ts', env));
}

/** Starts an API process (`apps/api/src/main.ts`, configured by environment) and resolves once it listens. */
export async function startApiProcess(env: Record<string, string>): Promise<Proc & { url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, METRICS_PORT: '0', ...env, API_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const w = watch(child);
  await until(() => w.output().includes('"msg":"listening"'), 'api start', 90_000, w.exited, w.output);
  return { ...procOf(child, w), url: `http://127.0.0.1:${port}` };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisProc {
  url: string;
  /** kill -9 the server (its append-only file survives). */
  crash(): Promise<void>;
  /** Start it again on the same port and data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function pings(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startRedis(): Promise<RedisProc> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let current: Proc | undefined;
  const launch = async (): Promise<void> => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const w = watch(child);
    await until(() => pings(url), 'redis start', 15_000, w.exited, w.output);
    current = procOf(child, w);
  };
  await launch();
  return {
    url,
    crash: async () => current?.kill9(),
    restart: launch,
    async stop() {
      await current?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

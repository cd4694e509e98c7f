/**
 * A private PgBouncer in transaction mode (Debian's `pgbouncer`, installed by
 * `infra/scripts/ensure-services.sh --with-pgbouncer`) in front of the test PostgreSQL: its own
 * process on a free port, with a generated ini and userlist in a temporary directory. Never the
 * machine's pgbouncer service (there is none: the script does not start one).
 *
 *   const bouncer = await startPgBouncer({ users: { tandem_app: 'tandem_app' }, poolSize: 2 });
 *   const url = bouncer.urlFor(db.appUrl); // same user, password and database, through the pooler
 *   await bouncer.stop();
 *
 * Every database name is forwarded (`* = host=… port=…`), so cloned test databases need no entry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { superuserUrl } from './db';

export interface PgBouncerOptions {
  /** user → password: who may connect (the same password is used towards PostgreSQL). */
  users: Record<string, string>;
  /** Server connections per (database, user) pair: small, so transactions of different tenants share them. */
  poolSize?: number;
  maxClientConnections?: number;
  /** Port to listen on (default: a free one). */
  port?: number;
  /**
   * Run on every new server connection before any client gets it (`connect_query`): where session
   * settings such as timeouts go, since PgBouncer 1.18 refuses them as start-up parameters.
   */
  connectQuery?: string;
}

export interface PgBouncer {
  port: number;
  /** `url` with its host and port replaced by the pooler's. */
  urlFor(url: string): string;
  output(): string;
  stop(): Promise<void>;
}

/** Where Debian installs it (not on a non-root PATH). */
export function pgbouncerBinary(): string {
  for (const candidate of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer']) if (existsSync(candidate)) return candidate;
  throw new Error(
    "pgbouncer is not installed: run `bash infra/scripts/ensure-services.sh --with-pgbouncer` (as root, installs Debian's pgbouncer)",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  const server = new URL(superuserUrl());
  const port = options.port ?? (await freePort());
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-pgbouncer-'));
  const ini = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port || 5432}${options.connectQuery ? ` connect_query='${options.connectQuery.replace(/'/g, "''")}'` : ''}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = md5',
    `auth_file = ${path.join(dir, 'userlist.txt')}`,
    // Transaction mode: a server connection belongs to a client for one transaction only, so
    // nothing may rely on session state (see docs/operations.md, "PgBouncer").
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize ?? 5}`,
    `max_client_conn = ${options.maxClientConnections ?? 200}`,
    // node-postgres sends none of these, but psql and other drivers do.
    'ignore_startup_parameters = extra_float_digits',
    'log_connections = 0',
    'log_disconnections = 0',
    'admin_users = ',
    '',
  ].join('\n');
  const userlist =
    Object.entries(options.users)
      .map(([user, password]) => `${quote(user)} ${quote(password)}`)
      .join('\n') + '\n';
  await writeFile(path.join(dir, 'pgbouncer.ini'), ini);
  await writeFile(path.join(dir, 'userlist.txt'), userlist);
  // pgbouncer refuses to run as root; as root it is started as `postgres`, which must read the files.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chmod(dir, 0o755);
    await chmod(path.join(dir, 'pgbouncer.ini'), 0o644);
    await chmod(path.join(dir, 'userlist.txt'), 0o644);
  }
  const child: ChildProcess = spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const started = performance.now();
  while (!(await accepts(port))) {
    if (gone || performance.now() - started > 15_000) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start on port ${port}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    urlFor(url: string): string {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    output: () => output,
    async stop() {
      if (!gone) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

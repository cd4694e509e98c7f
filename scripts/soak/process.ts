/**
 * A product process for the soak, started the way production starts it (configured by
 * environment), resolved once its output shows `ready` (e.g. the API's "listening").
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { Proc } from '../../test/integration/processes';

const ROOT = path.join(__dirname, '..', '..');

export async function startProcess(entry: string, env: Record<string, string>, ready: string, timeoutMs = 120_000): Promise<Proc> {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-200_000)));
  child.stderr.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-200_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const started = performance.now();
  while (!output.includes(ready)) {
    if (gone) throw new Error(`${entry} exited before "${ready}":\n${output}`);
    if (performance.now() - started > timeoutMs) throw new Error(`${entry}: no "${ready}" within ${timeoutMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid as number,
    async kill9() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    output: () => output,
  };
}

/**
 * A local SMTP sink for `npm run bench:mail`, in its own process so it does not share a CPU core's
 * event loop with what is measured. It accepts every message, keeps only its Message-ID, and answers
 * its parent (IPC) with how many arrived and how many were distinct.
 *
 *   fork('scripts/bench/smtp-counter.ts', [], { execArgv: ['-r', './scripts/register.js'] })
 *   → { ready: port } ; send 'count' → { total, distinct } ; send 'reset'
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const ids = new Map<string, number>();
let total = 0;

function messageIdOf(head: string): string {
  return /^message-id:[ \t]*(.*)$/im.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? `(none ${total})`;
}

const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    let inHead = true;
    stream.on('data', (chunk: Buffer) => {
      if (!inHead) return;
      head += chunk.toString('utf8');
      const end = head.search(/\r?\n\r?\n/);
      if (end >= 0) {
        head = head.slice(0, end);
        inHead = false;
      }
    });
    stream.on('end', () => {
      total += 1;
      const id = messageIdOf(head);
      ids.set(id, (ids.get(id) ?? 0) + 1);
      callback(null, 'Queued');
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ ready: (server.server.address() as AddressInfo).port });
});

process.on('message', (msg: unknown) => {
  if (msg === 'reset') {
    ids.clear();
    total = 0;
    process.send?.({ reset: true });
  } else if (msg === 'count') {
    process.send?.({ total, distinct: ids.size });
  } else if (msg === 'stop') {
    server.close(() => process.exit(0));
  }
});

/**
 * An SMTP server for the fault tests that can misbehave on purpose (real `smtp-server`, in this
 * process, so the workers in other processes reach it over TCP):
 *
 * - `refuse(451)` answers every message with a temporary failure until `recover()`;
 * - `hold()` keeps every message it receives waiting without an answer until `release()`. Like a real
 *   server, it commits (keeps) each message at the end of DATA, before it answers: a client that dies
 *   while waiting for the 250 has had its message delivered all the same, without knowing it (issue
 *   15, finding 4; the first version of this sink dropped those, which hid the duplicates).
 * - `checkUrl` answers `GET ?messageId=<id>` with `{"accepted": true|false}`: whether it has committed
 *   that message, as a provider's message search would (MAIL_DELIVERY_CHECK_URL).
 *
 * Messages are kept with their Message-ID and the headers the tests look at.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface FaultMessage {
  messageId: string;
  to: string;
  subject: string;
  kind: string;
}

export interface FaultSink {
  url: string;
  /** http://127.0.0.1:<port>/: the delivery check (MAIL_DELIVERY_CHECK_URL). */
  checkUrl: string;
  /** Every message committed (at end of DATA), in order. */
  messages: FaultMessage[];
  /** Messages answered with an error (by `refuse`). */
  refused: number;
  /** Messages committed whose 250 never reached their sender (it had gone while they were held). */
  dropped: number;
  held(): number;
  /** Held messages whose sender is still connected. */
  heldOpen(): number;
  refuse(code?: number): void;
  recover(): void;
  hold(): void;
  /** Accept until `n` messages are kept in all, then hold the rest. */
  holdAfter(n: number): void;
  /** Keep every message and answer 250 only `ms` later (a slow server); 0 answers at once again. */
  replyAfter(ms: number): void;
  release(): void;
  close(): Promise<void>;
}

interface Waiting {
  sessionId: string;
  message: FaultMessage;
  answer: (err?: Error | null) => void;
}

function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

export async function startFaultSink(): Promise<FaultSink> {
  const messages: FaultMessage[] = [];
  const closed = new Set<string>();
  let refusing: number | null = null;
  let holding = false;
  let holdFrom = Infinity;
  let replyDelayMs = 0;
  let waiting: Waiting[] = [];
  const state = { refused: 0, dropped: 0 };

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (refusing !== null) {
          state.refused += 1;
          return callback(Object.assign(new Error('Temporary failure injected by the fault sink'), { responseCode: refusing }));
        }
        const message: FaultMessage = {
          messageId: header(raw, 'Message-ID'),
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
          subject: header(raw, 'Subject'),
          kind: header(raw, 'X-Tandem-Kind'),
        };
        const answer = (err?: Error | null): void => callback(err ?? null, 'Queued');
        const hold = holding || messages.length >= holdFrom;
        // Committed at end of DATA, whatever becomes of the answer.
        messages.push(message);
        if (hold) return void waiting.push({ sessionId: session.id, message, answer });
        if (replyDelayMs > 0) setTimeout(answer, replyDelayMs);
        else answer();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const check = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://sink').searchParams.get('messageId') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ accepted: messages.some((m) => m.messageId === id) }));
  });
  await new Promise<void>((resolve) => check.listen(0, '127.0.0.1', resolve));

  return {
    url: `smtp://127.0.0.1:${port}`,
    checkUrl: `http://127.0.0.1:${(check.address() as AddressInfo).port}/`,
    messages,
    get refused() {
      return state.refused;
    },
    get dropped() {
      return state.dropped;
    },
    held: () => waiting.length,
    heldOpen: () => waiting.filter((w) => !closed.has(w.sessionId)).length,
    refuse(code = 451) {
      refusing = code;
    },
    recover() {
      refusing = null;
    },
    hold() {
      holding = true;
    },
    holdAfter(n: number) {
      holdFrom = n;
    },
    replyAfter(ms: number) {
      replyDelayMs = ms;
    },
    release() {
      holding = false;
      holdFrom = Infinity;
      replyDelayMs = 0;
      for (const w of waiting) {
        if (closed.has(w.sessionId)) state.dropped += 1;
        else w.answer();
      }
      waiting = [];
    },
    async close() {
      check.closeAllConnections();
      await new Promise<void>((resolve) => check.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

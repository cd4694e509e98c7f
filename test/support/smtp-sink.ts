/**
 * A real SMTP server in-process for tests (`smtp-server` + `mailparser`): no TLS, auth optional,
 * every accepted message parsed and kept in memory.
 *
 *   const sink = await startSmtpSink();           // SMTP_URL = sink.url
 *   const msg = await sink.waitFor((m) => m.to.includes('ada@example.org'));
 *   sink.failNext(2, 451);                        // next 2 messages get "451 …" (temporary failure)
 *   await sink.close();
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SystemClock } from '@tandem/domain';

/** When a message really arrived (the mail catcher shows it); no test asserts on it. */
const WALL_CLOCK = new SystemClock();

export interface SinkMessage {
  /** 1, 2, 3… in order of arrival. */
  seq: number;
  receivedAt: Date;
  /** SMTP envelope (what the server was told), lower-cased recipients. */
  envelope: { from: string; to: string[] };
  messageId: string | undefined;
  subject: string;
  from: string;
  /** All recipient addresses from the To header, lower-cased. */
  to: string[];
  html: string;
  text: string;
  headers: Map<string, unknown>;
  attachments: ParsedMail['attachments'];
  /** The raw RFC 5322 source. */
  raw: string;
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** Received messages, oldest first (live array). */
  messages: SinkMessage[];
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  clear(): void;
  /** Answer the next `n` messages with an SMTP error `code` (default 451, a temporary failure). */
  failNext(n: number, code?: number): void;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep at most this many messages (oldest dropped). Default unlimited. */
  maxMessages?: number;
  /** Called after each message is stored. */
  onMessage?: (m: SinkMessage) => void;
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((o) => o.value.flatMap((v) => (v.address ? [v.address.toLowerCase()] : [])));
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const messages: SinkMessage[] = [];
  const waiters = new Set<{ predicate: (m: SinkMessage) => boolean; resolve: (m: SinkMessage) => void }>();
  let failures: { remaining: number; code: number } = { remaining: 0, code: 451 };
  let seq = 0;

  const serverOptions: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    banner: 'Tandem test SMTP sink',
    size: 25 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (failures.remaining > 0) {
          failures.remaining -= 1;
          const err = Object.assign(new Error('Temporary failure injected by the test SMTP sink'), {
            responseCode: failures.code,
          });
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const message: SinkMessage = {
              seq: ++seq,
              receivedAt: WALL_CLOCK.now(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              },
              messageId: parsed.messageId,
              subject: parsed.subject ?? '',
              from: parsed.from?.text ?? '',
              to: addresses(parsed.to),
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
              headers: parsed.headers,
              attachments: parsed.attachments,
              raw: raw.toString('utf8'),
            };
            messages.push(message);
            if (options.maxMessages && messages.length > options.maxMessages) messages.splice(0, messages.length - options.maxMessages);
            options.onMessage?.(message);
            for (const w of [...waiters]) {
              if (w.predicate(message)) {
                waiters.delete(w);
                w.resolve(message);
              }
            }
            callback(null, `Queued as ${message.seq}`);
          })
          .catch((err: Error) => callback(err));
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined); // client disconnects etc.; tests assert on messages, not logs

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<SinkMessage>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: SinkMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const got = messages.map((m) => `#${m.seq} to ${m.to.join(', ')}: "${m.subject}"`).join('; ') || 'none';
          reject(new Error(`smtp sink: no matching message within ${timeoutMs} ms (received: ${got})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    failNext(n, code = 451) {
      failures = { remaining: n, code };
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The demo's local mail catcher: an SMTP server that accepts everything and a small web page to read
 * what arrived. Nothing is relayed anywhere; messages live in memory (the newest 500).
 *
 *   node -r ./scripts/register.js scripts/mail-catcher.ts
 *
 * Env: MAILCATCHER_SMTP_PORT (1025), MAILCATCHER_HTTP_PORT (1080), MAIL_CATCHER_HOST (127.0.0.1; the
 * Docker set-up uses 0.0.0.0).
 *
 * HTTP:
 *   GET  /                      received messages, newest first
 *   GET  /messages/<id>         one message: headers, HTML (sandboxed iframe), plain text, links
 *   GET  /messages/<id>/raw     the RFC 5322 source
 *   GET  /api/messages[?to=…]   JSON, newest first (for end-to-end tests: each has `links`)
 *   GET  /api/messages/<id>     JSON for one message
 *   DELETE /api/messages        forget everything
 */
import * as http from 'node:http';
import { startSmtpSink, type SinkMessage } from '../test/support/smtp-sink';

const host = process.env['MAIL_CATCHER_HOST'] || '127.0.0.1';
const smtpPort = Number(process.env['MAILCATCHER_SMTP_PORT'] || 1025);
const httpPort = Number(process.env['MAILCATCHER_HTTP_PORT'] || 1080);
const MAX_MESSAGES = 500;

function esc(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Every http(s) link in the message: hrefs of the HTML part and URLs in the text part, in order, unique. */
export function linksOf(m: Pick<SinkMessage, 'html' | 'text'>): string[] {
  const found: string[] = [];
  for (const match of m.html.matchAll(/href\s*=\s*"(https?:\/\/[^"]+)"/gi)) found.push(decodeEntities(match[1] ?? ''));
  for (const match of m.text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) found.push(match[0].replace(/[.,;:!?]+$/, ''));
  return [...new Set(found.filter(Boolean))];
}

function toJson(m: SinkMessage): Record<string, unknown> {
  return {
    id: m.seq,
    receivedAt: m.receivedAt.toISOString(),
    messageId: m.messageId ?? null,
    envelope: m.envelope,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    links: linksOf(m),
    attachments: m.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
  };
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f3f4f6; }
  header { background: #0f766e; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; }
  header h1 { margin: 0; font-size: 18px; }
  header a { color: #fff; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #e5e7eb; }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  th { background: #f9fafb; font-size: 13px; color: #4b5563; }
  a { color: #0f766e; }
  a:focus-visible, button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .empty { background: #fff; border: 1px solid #e5e7eb; padding: 24px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; border: 1px solid #e5e7eb; padding: 16px; margin: 0 0 16px; }
  dt { color: #4b5563; } dd { margin: 0; word-break: break-word; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e5e7eb; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #e5e7eb; padding: 16px; }
  h2 { font-size: 16px; margin: 24px 0 8px; }
  .muted { color: #6b7280; font-size: 13px; }
`;

function page(title: string, body: string, refresh = false): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>Tandem mail catcher</h1><a href="/">All messages</a><a href="/api/messages">JSON</a></header><main>${body}</main></body></html>`;
}

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'medium' });

function listPage(messages: SinkMessage[]): string {
  if (messages.length === 0) {
    return page(
      'Mail catcher',
      `<div class="empty"><p><strong>No mail yet.</strong></p><p>Anything the API or worker sends to SMTP ${esc(host)}:${smtpPort} appears here. This page refreshes every 5 seconds.</p></div>`,
      true,
    );
  }
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr><td>${esc(londonTime.format(m.receivedAt))}</td><td>${esc(m.to.join(', '))}</td>
<td><a href="/messages/${m.seq}">${esc(m.subject || '(no subject)')}</a></td><td>${esc(m.from)}</td></tr>`,
    )
    .join('\n');
  return page(
    `Mail catcher (${messages.length})`,
    `<p class="muted">${messages.length} message(s), newest first. Refreshes every 5 seconds. Times are UK time.</p>
<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">From</th></tr></thead><tbody>${rows}</tbody></table>`,
    true,
  );
}

function messagePage(m: SinkMessage): string {
  const links = linksOf(m);
  return page(
    m.subject || '(no subject)',
    `<h2>${esc(m.subject || '(no subject)')}</h2>
<dl><dt>From</dt><dd>${esc(m.from)}</dd><dt>To</dt><dd>${esc(m.to.join(', '))}</dd>
<dt>Received</dt><dd>${esc(londonTime.format(m.receivedAt))}</dd><dt>Message-ID</dt><dd>${esc(m.messageId ?? '')}</dd>
${m.attachments.length ? `<dt>Attachments</dt><dd>${m.attachments.map((a) => esc(`${a.filename ?? 'unnamed'} (${a.contentType}, ${a.size} bytes)`)).join('<br>')}</dd>` : ''}
<dt>Source</dt><dd><a href="/messages/${m.seq}/raw">raw message</a></dd></dl>
${links.length ? `<h2>Links</h2><ul>${links.map((l) => `<li><a href="${esc(l)}" target="_blank" rel="noopener">${esc(l)}</a></li>`).join('')}</ul>` : ''}
<h2>HTML</h2>
${m.html ? `<iframe title="HTML version of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${esc(m.html)}"></iframe>` : '<p class="muted">No HTML part.</p>'}
<h2>Plain text</h2><pre>${esc(m.text)}</pre>`,
  );
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The page itself runs no script; emails render only inside the sandboxed iframe.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self' about:; img-src data:",
  });
  res.end(body);
}

async function main(): Promise<void> {
  const sink = await startSmtpSink({
    host,
    port: smtpPort,
    maxMessages: MAX_MESSAGES,
    onMessage: (m) => console.log(`[mail] #${m.seq} to ${m.to.join(', ')}: ${m.subject}`),
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const byId = (id: string | undefined): SinkMessage | undefined => sink.messages.find((m) => String(m.seq) === id);
    let match: RegExpMatchArray | null;

    if (req.method === 'DELETE' && path === '/api/messages') {
      sink.clear();
      return send(res, 200, 'application/json', '{"ok":true}');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    if (path === '/') return send(res, 200, 'text/html', listPage(sink.messages));
    if (path === '/health') return send(res, 200, 'application/json', '{"ok":true}');
    if (path === '/api/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const list = [...sink.messages].reverse().filter((m) => !to || m.to.includes(to) || m.envelope.to.includes(to));
      return send(res, 200, 'application/json', JSON.stringify(list.map(toJson)));
    }
    if ((match = path.match(/^\/api\/messages\/(\d+)$/))) {
      const m = byId(match[1]);
      return m
        ? send(res, 200, 'application/json', JSON.stringify(toJson(m)))
        : send(res, 404, 'application/json', '{"error":"not found"}');
    }
    if ((match = path.match(/^\/messages\/(\d+)\/raw$/))) {
      const m = byId(match[1]);
      return m ? send(res, 200, 'text/plain', m.raw) : send(res, 404, 'text/plain', 'not found');
    }
    if ((match = path.match(/^\/messages\/(\d+)$/))) {
      const m = byId(match[1]);
      return m
        ? send(res, 200, 'text/html', messagePage(m))
        : send(res, 404, 'text/html', page('Not found', '<p>No such message (the catcher keeps the newest 500, in memory).</p>'));
    }
    return send(res, 404, 'text/html', page('Not found', '<p>Not found.</p>'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(httpPort, host, () => resolve());
  });
  console.log(`[mail-catcher] SMTP ${host}:${sink.port}, web page http://${host === '0.0.0.0' ? 'localhost' : host}:${httpPort}`);

  const stop = (signal: string): void => {
    console.log(`[mail-catcher] ${signal}: stopping`);
    server.close();
    server.closeAllConnections();
    void sink.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error('[mail-catcher] failed to start:', err);
    process.exit(1);
  });
}

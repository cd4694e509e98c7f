import { londonWallClock } from '@tandem/domain';
import { button, escapeHtml, formatLondonDateTime, heading, layout, linkFallback, oneLine, paragraph, safeUrl, type RenderedEmail } from '@tandem/platform';

/**
 * Booking emails are lists of blocks rendered twice, to mail-client-safe HTML (the platform
 * layout: tables, inline styles, everything escaped) and to plain text, so the two parts always
 * say the same thing.
 */
export type Segment = string | { strong: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; segments: Segment[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'link'; text: string; url: string };

export const h = (text: string): Block => ({ kind: 'heading', text });
export const p = (...segments: Segment[]): Block => ({ kind: 'para', segments });
export const btn = (label: string, url: string): Block => ({ kind: 'button', label, url: safeUrl(url) });
export const facts = (rows: Array<[string, string]>): Block => ({ kind: 'facts', rows });
export const list = (title: string, items: string[]): Block => ({ kind: 'list', title, items });
export const small = (text: string, url: string): Block => ({ kind: 'link', text, url: safeUrl(url) });

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return heading(b.text);
    case 'para':
      return paragraph(...b.segments);
    case 'button':
      return button(b.label, b.url);
    case 'facts':
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;width:100%;border-collapse:collapse;">
${b.rows
  .map(
    ([k, v]) =>
      `<tr><td style="padding:6px 12px 6px 0;vertical-align:top;${FONT}font-size:14px;line-height:20px;color:#4b5563;white-space:nowrap;">${escapeHtml(k)}</td><td style="padding:6px 0;vertical-align:top;${FONT}font-size:15px;line-height:22px;color:#111827;">${escapeHtml(v)}</td></tr>`,
  )
  .join('\n')}
</table>`;
    case 'list':
      return `${paragraph({ strong: b.title })}
<ul style="margin:0 0 16px;padding-left:20px;${FONT}font-size:15px;line-height:22px;color:#111827;">
${b.items.map((i) => `<li style="margin:0 0 6px;">${escapeHtml(i)}</li>`).join('\n')}
</ul>`;
    case 'link':
      return `<p style="margin:0 0 12px;${FONT}font-size:13px;line-height:20px;color:#4b5563;">${escapeHtml(b.text)} <a href="${escapeHtml(b.url)}" style="color:#0f766e;">${escapeHtml(b.url)}</a></p>`;
  }
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'para':
      return b.segments.map((s) => (typeof s === 'string' ? s : s.strong)).join('');
    case 'button':
      return `${b.label}:\n${b.url}`;
    case 'facts':
      return b.rows.map(([k, v]) => `${k}: ${v}`).join('\n');
    case 'list':
      return [b.title, ...b.items.map((i) => `- ${i}`)].join('\n');
    case 'link':
      return `${b.text} ${b.url}`;
  }
}

export interface EmailSpec {
  subject: string;
  preheader: string;
  blocks: Block[];
  footer: string;
}

export function renderEmail(spec: EmailSpec): RenderedEmail {
  const subject = oneLine(spec.subject);
  const buttons = spec.blocks.filter((b): b is Extract<Block, { kind: 'button' }> => b.kind === 'button');
  const html = layout({
    title: subject,
    preheader: spec.preheader,
    // For clients that strip buttons, the raw links follow the body.
    bodyHtml: [...spec.blocks.map(blockHtml), ...buttons.slice(0, 1).map((b) => linkFallback(b.url))].join('\n'),
    footer: spec.footer,
  });
  const text = [...spec.blocks.map(blockText).flatMap((t) => [t, '']), '--', spec.footer, ''].join('\n');
  return { subject, html, text };
}

/** "Tuesday 3 February 2026 at 13:30–15:00 (GMT)", or "… at 09:00 (BST) until Friday 10 July 2026 at 15:00 (BST)". */
export function formatLondonSlot(startsAt: Date, endsAt: Date): string {
  const start = formatLondonDateTime(startsAt);
  const s = londonWallClock(startsAt);
  const e = londonWallClock(endsAt);
  if (s.date === e.date) return start.replace(/ \(([^)]+)\)$/, `–${e.time} ($1)`);
  return `${start} until ${formatLondonDateTime(endsAt)}`;
}

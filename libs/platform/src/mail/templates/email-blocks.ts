import { escapeHtml, oneLine, safeUrl } from './html';
import { button, heading, layout, linkFallback, paragraph, type RenderedEmail } from './layout';

/**
 * The one way to build an email: a list of blocks rendered twice, to mail-client-safe HTML (the
 * layout: tables, inline styles, everything escaped) and to plain text, so the two parts always say
 * the same thing. Every feature's emails are `renderEmail({ subject, preheader, blocks, footer })`.
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

import { escapeHtml } from './html';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Mail-client-safe HTML shell: a centred 600px table, inline styles only, system fonts, no
 * images or external assets, a hidden preheader for the inbox preview. `bodyHtml` must already be
 * escaped (build it with `paragraph`, `button`, … below).
 */
export function layout(opts: { title: string; preheader: string; bodyHtml: string; footer: string }): string {
  const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(opts.title)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(opts.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr><td style="padding:20px 32px;border-bottom:3px solid #0f766e;${font}font-size:18px;font-weight:bold;color:#0f766e;">Tandem</td></tr>
<tr><td style="padding:28px 32px;${font}font-size:16px;line-height:24px;color:#111827;">
${opts.bodyHtml}
</td></tr>
<tr><td style="padding:16px 32px 24px;${font}font-size:13px;line-height:20px;color:#6b7280;border-top:1px solid #e5e7eb;">${escapeHtml(opts.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

const P =
  "margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#111827;";

/** A paragraph of escaped text; `strong` segments are wrapped in <strong>. */
export function paragraph(...segments: Array<string | { strong: string }>): string {
  const inner = segments.map((s) => (typeof s === 'string' ? escapeHtml(s) : `<strong>${escapeHtml(s.strong)}</strong>`)).join('');
  return `<p style="${P}">${inner}</p>`;
}

export function heading(text: string): string {
  return `<h1 style="margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:22px;line-height:30px;color:#111827;">${escapeHtml(text)}</h1>`;
}

/** A bulletproof button (table cell with background, works in Outlook) for an already-validated URL. */
export function button(label: string, href: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td align="center" bgcolor="#0f766e" style="border-radius:6px;background-color:#0f766e;">
<a href="${escapeHtml(href)}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>
</td></tr>
</table>`;
}

/** Small print with the raw link, for clients that strip buttons. */
export function linkFallback(href: string): string {
  return `<p style="margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:13px;line-height:20px;color:#4b5563;">If the button does not work, copy this link into your browser:<br><a href="${escapeHtml(href)}" style="color:#0f766e;word-break:break-all;">${escapeHtml(href)}</a></p>`;
}

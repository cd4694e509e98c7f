/**
 * Why something failed, fit for a log line: a domain error's code, otherwise the error's name and
 * message with anything that may quote a person taken out (email addresses, quoted values, long
 * numbers such as pupil references) and cut to 200 characters. Never a stack.
 */
export function safeReason(err: unknown): string {
  if (err === null || err === undefined) return 'unknown';
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  if (e.name === 'DomainError' && typeof e.code === 'string') return e.code;
  const name = typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : '';
  const code = typeof e.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(e.code) ? ` (${e.code})` : '';
  const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : String(err);
  const clean = message
    .split('\n')[0]
    .replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, '<email>')
    .replace(/"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’/g, '"…"')
    .replace(/\d{6,}/g, '<number>');
  const out = `${name}${clean}${code}`;
  return out.length > 200 ? `${out.slice(0, 199)}…` : out;
}

/** Escapes a value for HTML text and double-quoted attribute contexts. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) links go into an href; anything else (javascript:, data:) is refused loudly. */
export function safeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`email link must be an absolute URL (got "${url}")`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`email link must be http(s) (got "${parsed.protocol}")`);
  }
  return parsed.toString();
}

/** Removes characters that would break a header line or a plain-text layout. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "Tuesday 3 February 2026 at 13:30 (GMT)": Europe/London wall time, with GMT/BST named. */
export function formatLondonDateTime(date: Date): string {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(date).map((p) => [p.type, p.value])) as Record<string, string>;
  const zone = parts['timeZoneName'] === 'GMT+1' ? 'BST' : (parts['timeZoneName'] ?? 'UK time');
  return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']} at ${parts['hour']}:${parts['minute']} (${zone})`;
}

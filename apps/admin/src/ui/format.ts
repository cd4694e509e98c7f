/**
 * How the app writes things: dates and times in Europe/London, activity types and formats in words,
 * booking states as a person says them, percentages that never claim more than they know.
 */
const LONDON = 'Europe/London';

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayKeyFmt = new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "Tue 3 Feb 2026" (the parts in that order, whatever punctuation the runtime's en-GB data uses). */
function dayText(d: Date): string {
  const parts = Object.fromEntries(dateFmt.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`;
}

/** "Tue 3 Feb 2026" for an instant or a YYYY-MM-DD calendar date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dayText(d);
}

/** "Tue 3 Feb 2026, 13:30–15:00" (London time). */
export function formatSlot(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${startsAt} – ${endsAt}`;
  const sameDay = londonDay(startsAt) === londonDay(endsAt);
  return sameDay ? `${dayText(s)}, ${timeFmt.format(s)}–${timeFmt.format(e)}` : `${dayText(s)} ${timeFmt.format(s)} – ${dayText(e)} ${timeFmt.format(e)}`;
}

export function formatTime(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : timeFmt.format(d);
}

/** The London calendar day (YYYY-MM-DD) of an instant. */
export function londonDay(value: string | Date): string {
  return dayKeyFmt.format(typeof value === 'string' ? new Date(value) : value);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * A London wall-clock date and time ("2026-02-03", "13:30") as an ISO instant, whatever the
 * browser's own zone (the hour offset is found by asking Intl what London shows at that instant).
 */
export function londonToIso(day: string, time: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
  const [h, m] = shown.split(':').map(Number);
  const [wh, wm] = time.split(':').map(Number);
  const offsetMinutes = ((h ?? 0) * 60 + (m ?? 0) - ((wh ?? 0) * 60 + (wm ?? 0)) + 1440) % 1440;
  const fixed = offsetMinutes > 720 ? offsetMinutes - 1440 : offsetMinutes;
  return new Date(guess.getTime() - fixed * 60_000).toISOString();
}

export const ACTIVITY_TYPES: Record<string, string> = {
  careers_talk: 'Careers talk',
  employer_panel: 'Employer Q&A / panel',
  cv_workshop: 'CV workshop',
  mock_interviews: 'Mock interviews',
  enterprise_challenge: 'Enterprise challenge',
  mentoring: 'Mentoring session',
  virtual_workplace_tour: 'Virtual workplace tour',
  workplace_visit: 'Workplace visit',
  work_shadowing: 'Work shadowing',
  insight_day: 'Insight day',
  work_experience: 'Work-experience placement',
};

export const FORMATS: Record<string, string> = {
  in_person_workplace: 'At the workplace',
  in_person_school: 'In school',
  virtual: 'Virtual',
};

export const BOOKING_STATES: Record<string, string> = {
  proposed: 'Waiting for both sides',
  accepted_by_school: 'Waiting for the employer',
  accepted_by_employer: 'Waiting for the school',
  confirmed: 'Confirmed',
  delivered: 'Delivered: attendance to record',
  recorded: 'Recorded',
  declined: 'Declined',
  cancelled: 'Cancelled',
  no_show: 'Did not take place',
};

export const SECTORS: Record<string, string> = {
  health: 'Health and care',
  construction: 'Construction',
  digital: 'Digital and tech',
  manufacturing: 'Manufacturing and engineering',
  finance: 'Finance',
  retail: 'Retail',
  hospitality: 'Hospitality',
  public_sector: 'Public sector',
  creative: 'Creative industries',
  logistics: 'Logistics',
  energy: 'Energy',
  education: 'Education',
  law: 'Law',
  science: 'Science',
};

export const SIZE_BANDS: Record<string, string> = { self_employed: 'Self-employed', micro: 'Micro (under 10)', sme: 'Small or medium', large: 'Large (250+)' };

export const PHASES: Record<string, string> = {
  secondary: 'Secondary',
  all_through: 'All-through',
  middle: 'Middle',
  special: 'Special',
  alternative_provision: 'Alternative provision',
  sixth_form: 'Sixth form',
};

export const VETTING_KINDS: Record<string, string> = {
  safeguarding_policy: 'Safeguarding policy',
  employers_liability_insurance: 'Employers’ liability insurance',
  health_and_safety: 'Health and safety check',
};

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '—';
  return map[key] ?? key.replace(/_/g, ' ');
}

export function choicesOf(map: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(map).map(([value, l]) => ({ value, label: l }));
}

/** "Year 11" / "Years 7–11" / "Years 7, 9, 11". */
export function yearGroupsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  if (!sorted.length) return '—';
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  const contiguous = sorted.every((y, i) => i === 0 || y === (sorted[i - 1] ?? 0) + 1);
  return contiguous ? `Years ${sorted[0]}–${sorted[sorted.length - 1]}` : `Years ${sorted.join(', ')}`;
}

/** 0.4567 → "46%"; null/undefined (nothing to count) → "—". Never rounds a partial up to 100%. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  const pct = ratio * 100;
  const rounded = pct >= 99.5 && pct < 100 ? 99 : Math.round(pct);
  return `${rounded}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

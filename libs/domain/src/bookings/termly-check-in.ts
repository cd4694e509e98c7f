import type { CalendarDate } from '../calendar-date';

/**
 * The termly check-in asks each employer what it can realistically offer next term, a few weeks
 * before the term starts. English school terms, approximately: autumn from 1 September, spring from
 * 1 January, summer from mid-April (after Easter, which moves; 15 April is the planning date).
 * The check-in for a term is due from its check-in date until the term starts; a daily scan sends
 * it once per employer per term (the term key makes the job id).
 */
export interface TermCheckIn {
  /** e.g. `2026-autumn`: part of the job id, so one check-in per employer per term. */
  term: string;
  /** e.g. `autumn term 2026`. */
  label: string;
  startsOn: CalendarDate;
  checkInFrom: CalendarDate;
}

const TERMS = [
  { name: 'spring', startMonthDay: '01-01', checkInMonthDay: '11-15', checkInPreviousYear: true },
  { name: 'summer', startMonthDay: '04-15', checkInMonthDay: '03-01', checkInPreviousYear: false },
  { name: 'autumn', startMonthDay: '09-01', checkInMonthDay: '07-01', checkInPreviousYear: false },
] as const;

/** The term whose check-in is due on `today` (London date), or null between check-in windows. */
export function termlyCheckInDue(today: CalendarDate): TermCheckIn | null {
  const year = Number(today.slice(0, 4));
  for (const termYear of [year, year + 1]) {
    for (const t of TERMS) {
      const startsOn = `${termYear}-${t.startMonthDay}`;
      const checkInFrom = `${t.checkInPreviousYear ? termYear - 1 : termYear}-${t.checkInMonthDay}`;
      if (checkInFrom <= today && today < startsOn) {
        return { term: `${termYear}-${t.name}`, label: `${t.name} term ${termYear}`, startsOn, checkInFrom };
      }
    }
  }
  return null;
}

/** The first day of a term from its key (`2027-spring` → 2027-01-01), or null for an unknown key. */
export function termStartsOn(term: string): CalendarDate | null {
  const m = /^(\d{4})-(spring|summer|autumn)$/.exec(term);
  const t = m ? TERMS.find((x) => x.name === m[2]) : undefined;
  return m && t ? `${m[1]}-${t.startMonthDay}` : null;
}

/**
 * “Waiting on someone”: the loose ends a coordinator chases, oldest first — requests nobody has
 * answered, bookings waiting for one side, sessions that happened without attendance recorded, and
 * vetting that runs out soon.
 */
import { daysBetween, londonDay } from '../../ui/format';

export type WaitingKind = 'unanswered_request' | 'booking_answer' | 'missing_attendance' | 'expiring_vetting';

export interface WaitingItem {
  kind: WaitingKind;
  id: string;
  /** Who has to act. */
  who: string;
  what: string;
  /** Days it has been waiting (or, for vetting, days left: negative = overdue soon). */
  days: number;
  href: string;
  /** Sort key: the more urgent, the higher. */
  urgency: number;
}

export interface WaitingInput {
  today: string;
  unansweredAfterDays: number;
  requests: readonly { id: string; schoolName: string; activity: string; yearGroup: number; createdAt: string; status: string }[];
  bookings: readonly {
    id: string;
    state: string;
    schoolName: string;
    employerName: string;
    activity: string;
    startsAt: string;
    endsAt: string;
    updatedAt: string;
  }[];
  expiringVetting: readonly { id: string; name: string; validUntil: string | null }[];
}

export function waitingItems(input: WaitingInput): WaitingItem[] {
  const { today } = input;
  const out: WaitingItem[] = [];
  for (const r of input.requests) {
    if (r.status !== 'open') continue;
    const days = daysBetween(londonDay(r.createdAt), today);
    if (days < input.unansweredAfterDays) continue;
    out.push({
      kind: 'unanswered_request',
      id: r.id,
      who: 'You (coordinator)',
      what: `${r.schoolName} asked for ${r.activity} for Year ${r.yearGroup}: no session proposed yet`,
      days,
      href: '#/requests',
      urgency: days,
    });
  }
  for (const b of input.bookings) {
    const since = daysBetween(londonDay(b.updatedAt), today);
    if (b.state === 'proposed' || b.state === 'accepted_by_school' || b.state === 'accepted_by_employer') {
      const who =
        b.state === 'accepted_by_school'
          ? b.employerName
          : b.state === 'accepted_by_employer'
            ? b.schoolName
            : `${b.schoolName} and ${b.employerName}`;
      const toStart = daysBetween(today, londonDay(b.startsAt));
      out.push({
        kind: 'booking_answer',
        id: b.id,
        who,
        what: `${b.activity} on ${londonDay(b.startsAt)}: waiting for an answer (${toStart} days before it starts)`,
        days: since,
        href: `#/bookings/${b.id}`,
        urgency: since + Math.max(0, 14 - toStart),
      });
    } else if (b.state === 'delivered' || (b.state === 'confirmed' && b.endsAt < new Date(`${today}T00:00:00Z`).toISOString())) {
      const days = daysBetween(londonDay(b.endsAt), today);
      out.push({
        kind: 'missing_attendance',
        id: b.id,
        who: b.schoolName,
        what: `${b.activity} with ${b.employerName} took place: attendance not recorded`,
        days,
        href: `#/bookings/${b.id}`,
        urgency: days + 7,
      });
    }
  }
  for (const e of input.expiringVetting) {
    if (!e.validUntil) continue;
    const left = daysBetween(today, e.validUntil);
    out.push({
      kind: 'expiring_vetting',
      id: e.id,
      who: e.name,
      what: `Vetting expires on ${e.validUntil} (in ${left} day${left === 1 ? '' : 's'})`,
      days: left,
      href: `#/employers/${e.id}`,
      urgency: 30 - left,
    });
  }
  return out.sort((a, b) => b.urgency - a.urgency || a.id.localeCompare(b.id));
}

import { addDays, londonWallClockToInstant } from '../calendar-date';
import { londonWallClock } from '../calendar-date';
import { nextSendingTime, previousSendingTime, isWithinSendingHours, type SendingHours } from './sending-hours';

/**
 * When the emails about a confirmed booking go out.
 *
 * - "7 days before" means the same London wall-clock time seven calendar days earlier: a session at
 *   10:00 on the Thursday after the clocks change is reminded at 10:00 the Thursday before, even
 *   though that is 167 or 169 hours earlier, not 168.
 * - A reminder that falls outside the hub's sending hours moves to the next opening, unless that
 *   is less than half its lead time before the session (a 1-day reminder pushed to an hour before);
 *   then it moves back to the last closing before it instead.
 * - A reminder whose time has already passed when the booking is confirmed is not sent (the
 *   confirmation itself says what to prepare).
 */
export interface PlannedReminder {
  daysBefore: number;
  sendAt: Date;
}

const HOUR = 3_600_000;

/** The nominal time of a reminder `daysBefore` London days before `startsAt`, at the same wall-clock time. */
export function nominalReminderTime(startsAt: Date, daysBefore: number): Date {
  const { date, time } = londonWallClock(startsAt);
  return londonWallClockToInstant(addDays(date, -daysBefore), time);
}

export function reminderTimes(startsAt: Date, daysBefore: readonly number[], hours: SendingHours, now: Date): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const days of [...new Set(daysBefore)].sort((a, b) => b - a)) {
    const nominal = nominalReminderTime(startsAt, days);
    let sendAt = nominal;
    if (!isWithinSendingHours(nominal, hours)) {
      const later = nextSendingTime(nominal, hours);
      const latestUseful = startsAt.getTime() - (days * 24 * HOUR) / 2;
      sendAt = later.getTime() <= latestUseful ? later : previousSendingTime(nominal, hours);
    }
    if (sendAt.getTime() <= now.getTime() || sendAt.getTime() >= startsAt.getTime()) continue;
    if (out.some((r) => r.sendAt.getTime() === sendAt.getTime())) continue;
    out.push({ daysBefore: days, sendAt });
  }
  return out.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** The follow-up (record attendance; give feedback): `hoursAfter` the session ends, in sending hours. */
export function followUpTime(endsAt: Date, hoursAfter: number, hours: SendingHours): Date {
  return nextSendingTime(new Date(endsAt.getTime() + hoursAfter * HOUR), hours);
}

/** Mail about a session less than this far away is urgent: it goes out whatever the hour. */
export const URGENT_WITHIN_MS = 48 * HOUR;

export function isUrgent(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() - now.getTime() < URGENT_WITHIN_MS;
}

/** When a notice about a booking (request, confirmation, cancellation…) may go out. */
export function noticeTime(startsAt: Date, now: Date, hours: SendingHours): Date {
  return isUrgent(startsAt, now) ? now : nextSendingTime(now, hours);
}

import { addDays, isoWeekday, londonWallClock, londonWallClockToInstant, type CalendarDate } from '../calendar-date';
import { minutesOfDay } from '../validation';

/**
 * When a hub lets email go out, in Europe/London wall-clock time: from `from` to `until` (both
 * inclusive, minute resolution), on weekdays only unless `weekends`. Everything here works on
 * London dates and times, so the March and October clock changes move nothing by an hour.
 */
export interface SendingHours {
  /** HH:MM, earlier than `until`. */
  readonly from: string;
  readonly until: string;
  readonly weekends: boolean;
}

export const ALWAYS: SendingHours = Object.freeze({ from: '00:00', until: '23:59', weekends: true });

const dayAllowed = (date: CalendarDate, hours: SendingHours): boolean => hours.weekends || isoWeekday(date) <= 5;

export function isWithinSendingHours(instant: Date, hours: SendingHours): boolean {
  const { date, time } = londonWallClock(instant);
  const m = minutesOfDay(time);
  return dayAllowed(date, hours) && m >= minutesOfDay(hours.from) && m <= minutesOfDay(hours.until);
}

/** `instant` itself when mail may go out then, else the next opening (`from` on the next allowed day). */
export function nextSendingTime(instant: Date, hours: SendingHours): Date {
  const { date, time } = londonWallClock(instant);
  const m = minutesOfDay(time);
  for (let d = 0; d <= 7; d++) {
    const day = addDays(date, d);
    if (!dayAllowed(day, hours)) continue;
    if (d > 0 || m < minutesOfDay(hours.from)) return londonWallClockToInstant(day, hours.from);
    if (m <= minutesOfDay(hours.until)) return instant;
  }
  throw new Error('sending hours allow no day of the week');
}

/** `instant` itself when mail may go out then, else the last closing before it (`until` on an allowed day). */
export function previousSendingTime(instant: Date, hours: SendingHours): Date {
  const { date, time } = londonWallClock(instant);
  const m = minutesOfDay(time);
  for (let d = 0; d <= 7; d++) {
    const day = addDays(date, -d);
    if (!dayAllowed(day, hours)) continue;
    if (d > 0 || m > minutesOfDay(hours.until)) return londonWallClockToInstant(day, hours.until);
    if (m >= minutesOfDay(hours.from)) return instant;
  }
  throw new Error('sending hours allow no day of the week');
}

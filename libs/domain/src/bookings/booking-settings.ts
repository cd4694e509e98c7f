import { collect, isBlank, minutesOfDay, parseIntegerInRange, parseTimeOfDay } from '../validation';
import type { SendingHours } from './sending-hours';

/**
 * A hub's rules for booking mail: when reminders go out, the hours mail may be sent in, how long
 * a request may wait before the coordinator is nudged, how long accept/decline links live.
 * (Kept apart from the hub-settings object for now; the two can be merged later.)
 */
export interface BookingSettings {
  /** Reminders this many days before each session (London wall clock), e.g. [7, 1]. */
  readonly reminderDaysBefore: readonly number[];
  /** Mail goes out between these London times (HH:MM, inclusive)… */
  readonly sendFrom: string;
  readonly sendUntil: string;
  /** …and at weekends only when this is true. Urgent mail ignores all three. */
  readonly sendOnWeekends: boolean;
  /** A booking waiting this many days for an answer nudges the coordinator. */
  readonly unansweredAfterDays: number;
  /** Accept/decline links expire after this many days (and never after the session starts). */
  readonly linkValidityDays: number;
  /** The follow-up goes this many hours after the session ends. */
  readonly followUpHoursAfter: number;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = Object.freeze({
  reminderDaysBefore: Object.freeze([7, 1]),
  sendFrom: '08:00',
  sendUntil: '20:00',
  sendOnWeekends: false,
  unansweredAfterDays: 5,
  linkValidityDays: 14,
  followUpHoursAfter: 2,
});

export const BOOKING_SETTING_LIMITS = {
  reminderDays: { min: 1, max: 60, count: 5 },
  unansweredAfterDays: { min: 1, max: 60 },
  linkValidityDays: { min: 1, max: 60 },
  followUpHoursAfter: { min: 0, max: 72 },
} as const;

export function sendingHoursOf(s: BookingSettings): SendingHours {
  return { from: s.sendFrom, until: s.sendUntil, weekends: s.sendOnWeekends };
}

const given = (input: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;

/**
 * A change from a client: only the keys given are checked (null resets one to its default); every
 * problem is reported at once, fields named `input.<setting>`. Returns the settings after the change.
 */
export function applyBookingSettingsPatch(current: BookingSettings, input: Record<string, unknown>): BookingSettings {
  const c = collect();
  const next: { -readonly [K in keyof BookingSettings]: BookingSettings[K] } = {
    ...current,
    reminderDaysBefore: [...current.reminderDaysBefore],
  };
  const d = DEFAULT_BOOKING_SETTINGS;
  const L = BOOKING_SETTING_LIMITS;
  if (given(input, 'reminderDaysBefore')) {
    const raw = input['reminderDaysBefore'];
    if (raw === null) next.reminderDaysBefore = [...d.reminderDaysBefore];
    else if (!Array.isArray(raw) || raw.length > L.reminderDays.count) {
      c.add(
        'input.reminderDaysBefore',
        'INVALID_NUMBER',
        `input.reminderDaysBefore must list at most ${L.reminderDays.count} numbers of days (an empty list sends no reminders)`,
      );
    } else {
      const days = raw.map((v, i) =>
        c.run(() => parseIntegerInRange(v, `input.reminderDaysBefore[${i}]`, L.reminderDays.min, L.reminderDays.max)),
      );
      next.reminderDaysBefore = [...new Set(days.filter((v): v is number => v !== undefined))].sort((a, b) => b - a);
    }
  }
  for (const key of ['sendFrom', 'sendUntil'] as const) {
    if (!given(input, key)) continue;
    const v = input[key];
    const parsed = v === null ? d[key] : c.run(() => parseTimeOfDay(v, `input.${key}`));
    if (parsed !== undefined) next[key] = parsed;
  }
  if (given(input, 'sendOnWeekends')) {
    const v = input['sendOnWeekends'];
    if (v === null) next.sendOnWeekends = d.sendOnWeekends;
    else if (typeof v !== 'boolean') c.add('input.sendOnWeekends', 'INVALID_ENUM_VALUE', 'input.sendOnWeekends must be true or false');
    else next.sendOnWeekends = v;
  }
  for (const key of ['unansweredAfterDays', 'linkValidityDays', 'followUpHoursAfter'] as const) {
    if (!given(input, key)) continue;
    const v = input[key];
    const parsed = isBlank(v) ? d[key] : c.run(() => parseIntegerInRange(v, `input.${key}`, L[key].min, L[key].max));
    if (parsed !== undefined) next[key] = parsed;
  }
  if (c.ok && minutesOfDay(next.sendUntil) <= minutesOfDay(next.sendFrom)) {
    const field = given(input, 'sendUntil') ? 'input.sendUntil' : 'input.sendFrom';
    c.add(field, 'INVALID_WINDOW', `input.sendUntil must be after input.sendFrom (got ${next.sendFrom} to ${next.sendUntil})`);
  }
  c.throwIfAny();
  return next;
}

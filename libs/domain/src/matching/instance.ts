import type { CalendarDate } from '../calendar-date';
import type { ActivityType, Format } from '../vocabulary';

/**
 * A validated matching input in the shape the solver works on: every list sorted by id (so the
 * order the caller used never changes the answer), references turned into indexes, instants into
 * epoch milliseconds, and the London month and last day of each session worked out once.
 */

export interface Interval {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

export interface InstanceSchool {
  readonly id: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface InstanceRequest {
  readonly id: string;
  readonly school: number;
  readonly yearGroup: number;
  readonly pupils: number;
  readonly activityType: ActivityType;
  readonly formats: readonly Format[];
  /** Sorted by start. */
  readonly windows: readonly Interval[];
  readonly gap5: number;
  readonly gap6: number;
  readonly disadvantagedShare: number;
}

export interface InstanceEmployer {
  readonly id: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly maxPerMonth: number | null;
  readonly vettedUntil: CalendarDate | null;
}

export interface InstanceOffer {
  readonly id: string;
  readonly employer: number;
  /** Index into `contacts`. */
  readonly contact: number;
  readonly title: string;
  readonly activityType: ActivityType;
  readonly format: Format;
  readonly pupilsPerSession: number;
  readonly sessionsAvailable: number;
  readonly yearGroups: readonly number[];
  readonly travelRadiusKm: number | null;
}

export interface InstanceSession extends Interval {
  readonly id: string;
  readonly offer: number;
  /** London month of the start, `YYYY-MM` (what the employer's monthly limit counts). */
  readonly month: string;
  /** London date of the last moment of the session (vetting must be valid up to it). */
  readonly lastDay: CalendarDate;
}

export interface InstanceBooking extends Interval {
  readonly id: string;
  readonly schoolId: string;
  readonly yearGroup: number;
  readonly employerId: string;
  readonly contactId: string;
  readonly offerId: string;
  readonly month: string;
}

export interface MatchingInstance {
  readonly schools: readonly InstanceSchool[];
  readonly requests: readonly InstanceRequest[];
  readonly employers: readonly InstanceEmployer[];
  readonly offers: readonly InstanceOffer[];
  readonly sessions: readonly InstanceSession[];
  readonly bookings: readonly InstanceBooking[];
  /** Contact ids, sorted. */
  readonly contacts: readonly string[];
}

/** Half-open intervals [a, b) and [c, d) share a moment. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Plain code-unit order (never locale-dependent), for ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

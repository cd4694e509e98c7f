import {
  benchmarkFor,
  type ActivityType,
  type CalendarDate,
  type ExistingBookingInput,
  type Format,
  type MatchingEmployerInput,
  type MatchingInput,
  type MatchingOfferInput,
  type MatchingRequestInput,
  type MatchingSessionInput,
} from '@tandem/domain';
import type { StoredMatchingReason } from '@tandem/persistence';

/**
 * Turns one consistent read of the database (a `MatchingSnapshot`) into the solver's input. Pure: the
 * repository reads the rows, this decides what the solver may use. What it leaves out, and why:
 * - requests of a school with no location (distances cannot be worked out) and requests whose every
 *   window has passed: reported as unmatched, with a reason a coordinator can act on;
 * - offers nobody could be asked about (no contact) or that could never be given (in person at
 *   school with no travel radius), and in-person offers of an employer with no location: silently,
 *   as they serve no request.
 */

export interface SnapshotSchool {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export interface SnapshotRequest {
  id: string;
  schoolId: string;
  yearGroup: number;
  pupils: number;
  activityType: ActivityType;
  formats: Format[];
  /** Only the windows that have not ended yet. */
  windows: { startsAt: Date; endsAt: Date }[];
}

/** A row of the ledger's `ledger_school_counts` for the current academic year. */
export interface SnapshotGapRow {
  schoolId: string;
  yearGroup: number;
  benchmark: number;
  pupils: number;
  met: number;
  priorityPupils: number;
  priorityMet: number;
}

export interface SnapshotEmployer {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  maxRequestsPerMonth: number | null;
  /** Last day every vetting check is valid (from today on); null = not vetted today. */
  vettedUntil: CalendarDate | null;
}

export interface SnapshotOffer {
  id: string;
  employerId: string;
  /** The contact who would be asked (the offer's own, else the employer's first); null = nobody to ask. */
  contactId: string | null;
  title: string;
  activityType: ActivityType;
  format: Format;
  sessionsAvailable: number;
  yearGroups: number[];
  travelRadiusKm: number | null;
}

/** An open, future session of a published offer that no live booking holds. */
export interface SnapshotSession {
  id: string;
  offerId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface MatchingSnapshot {
  schools: SnapshotSchool[];
  requests: SnapshotRequest[];
  gaps: SnapshotGapRow[];
  employers: SnapshotEmployer[];
  offers: SnapshotOffer[];
  sessions: SnapshotSession[];
  bookings: ExistingBookingInput[];
}

/** A request left out before solving, with its reason in the solver's own shape. */
export interface LeftOutRequest {
  requestId: string;
  schoolId: string;
  reasons: StoredMatchingReason[];
  summary: string;
}

/** Reasons this feature adds to the solver's (the solver never sees these requests). */
export const LEFT_OUT_REASONS = {
  SCHOOL_NOT_LOCATED: 'the school has no location yet, so travel distances cannot be worked out: add its coordinates on the Schools page',
  WINDOWS_PASSED: 'every time the school gave has passed: ask the school for new dates',
} as const;

/** A travel radius beyond this covers all of England: the solver's upper limit. */
const MAX_RADIUS_KM = 1000;

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

function leftOut(request: SnapshotRequest, code: keyof typeof LEFT_OUT_REASONS): LeftOutRequest {
  const text = LEFT_OUT_REASONS[code];
  return { requestId: request.id, schoolId: request.schoolId, reasons: [{ code, params: {}, text }], summary: sentence(text) };
}

const located = (x: { latitude: number | null; longitude: number | null }): boolean => x.latitude !== null && x.longitude !== null;

/**
 * The benchmark gap of a school year group (pupils still missing each benchmark) and the share of
 * those pupils in the gap list's priority groups (disadvantaged, SEND, care-experienced, at risk of
 * NEET) for the benchmark the request's activity serves. No ledger row (no pupils loaded) = no gap.
 */
export function gapOf(
  gaps: readonly SnapshotGapRow[],
  request: Pick<SnapshotRequest, 'schoolId' | 'yearGroup' | 'activityType' | 'formats'>,
): Pick<MatchingRequestInput, 'gap' | 'disadvantagedShare'> {
  const row = (benchmark: number) =>
    gaps.find((g) => g.schoolId === request.schoolId && g.yearGroup === request.yearGroup && g.benchmark === benchmark);
  const missing = (g: SnapshotGapRow | undefined) => (g ? Math.max(0, g.pupils - g.met) : 0);
  const served = row(benchmarkFor(request.activityType, request.formats[0]));
  let share = 0;
  if (served && missing(served) > 0) share = (served.priorityPupils - served.priorityMet) / missing(served);
  else if (served && served.pupils > 0) share = served.priorityPupils / served.pupils;
  return { gap: { benchmark5: missing(row(5)), benchmark6: missing(row(6)) }, disadvantagedShare: Math.min(1, Math.max(0, share)) };
}

export function buildMatchingInput(snapshot: MatchingSnapshot): { input: MatchingInput; leftOut: LeftOutRequest[] } {
  const schoolById = new Map(snapshot.schools.map((s) => [s.id, s]));
  const left: LeftOutRequest[] = [];
  const requests: MatchingRequestInput[] = [];
  for (const r of snapshot.requests) {
    const school = schoolById.get(r.schoolId);
    if (!school) continue;
    if (!located(school)) left.push(leftOut(r, 'SCHOOL_NOT_LOCATED'));
    else if (r.windows.length === 0) left.push(leftOut(r, 'WINDOWS_PASSED'));
    else
      requests.push({
        id: r.id,
        schoolId: r.schoolId,
        yearGroup: r.yearGroup,
        pupils: r.pupils,
        activityType: r.activityType,
        formats: r.formats,
        windows: r.windows,
        ...gapOf(snapshot.gaps, r),
      });
  }
  const schools = snapshot.schools
    .filter(located)
    .map((s) => ({ id: s.id, name: s.name, latitude: s.latitude as number, longitude: s.longitude as number }));

  const employerById = new Map(snapshot.employers.map((e) => [e.id, e]));
  const sessionsByOffer = new Map<string, SnapshotSession[]>();
  for (const s of snapshot.sessions) sessionsByOffer.set(s.offerId, [...(sessionsByOffer.get(s.offerId) ?? []), s]);
  const offers: MatchingOfferInput[] = [];
  const sessions: MatchingSessionInput[] = [];
  for (const o of snapshot.offers) {
    const employer = employerById.get(o.employerId);
    const own = sessionsByOffer.get(o.id) ?? [];
    if (!employer || !o.contactId || own.length === 0) continue;
    if (o.format !== 'virtual' && !located(employer)) continue;
    if (o.format === 'in_person_school' && !(o.travelRadiusKm && o.travelRadiusKm > 0)) continue;
    offers.push({
      id: o.id,
      employerId: o.employerId,
      contactId: o.contactId,
      title: o.title,
      activityType: o.activityType,
      format: o.format,
      // Bookings check each session's own places: the smallest keeps every proposal bookable.
      pupilsPerSession: Math.min(...own.map((s) => s.capacity)),
      sessionsAvailable: o.sessionsAvailable,
      yearGroups: o.yearGroups,
      travelRadiusKm: o.format === 'in_person_school' ? Math.min(o.travelRadiusKm as number, MAX_RADIUS_KM) : null,
    });
    for (const s of own) sessions.push({ id: s.id, offerId: s.offerId, startsAt: s.startsAt, endsAt: s.endsAt });
  }
  const employerIds = new Set(offers.map((o) => o.employerId));
  const employers: MatchingEmployerInput[] = snapshot.employers
    .filter((e) => employerIds.has(e.id))
    // Virtual offers travel nowhere, so an employer without a location only offers those: its (unused) position is 0, 0.
    .map((e) => ({
      id: e.id,
      name: e.name,
      latitude: e.latitude ?? 0,
      longitude: e.longitude ?? 0,
      maxRequestsPerMonth: e.maxRequestsPerMonth,
      vettedUntil: e.vettedUntil,
    }));
  return { input: { schools, requests, employers, offers, sessions, existingBookings: snapshot.bookings }, leftOut: left };
}

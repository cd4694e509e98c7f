/**
 * Shared set-up for the booking integration tests: an employer contact and a published offer with
 * sessions (through the real GraphQL API, on days counted from the API's clock), waits on the mail
 * path's state (never on the machine's clock), and readers for the mail the sink receives.
 */
import type { HubFixture, TestApi } from '@tandem/api-testing';
import { addDays, londonWallClockToInstant, type Clock } from '@tandem/domain';
import { TenantContext } from '@tandem/persistence';
import { mailSettled as settledMail, waitFor, type SinkMessage } from '@tandem/test-support';
import type { Queue } from 'bullmq';

export interface BookableOffer {
  contactId: string;
  contactEmail: string;
  offerId: string;
  sessionIds: string[];
  sessionStarts: Date[];
}

export const BOOKING_FIELDS =
  'id state version requestId offerId offerSessionId schoolId employerId contactId yearGroup pupilCount startsAt endsAt deliveredAt recordedAt';

export const REQUEST_SLOT = `mutation($input: RequestOfferSessionInput!) { requestOfferSession(input: $input) { ${BOOKING_FIELDS} } }`;
export const ACCEPT = `mutation($id: ID!) { acceptBooking(id: $id) { ${BOOKING_FIELDS} } }`;
export const DECLINE = `mutation($id: ID!, $input: DeclineBookingInput) { declineBooking(id: $id, input: $input) { ${BOOKING_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $input: BookingReasonInput!) { cancelBooking(id: $id, input: $input) { ${BOOKING_FIELDS} } }`;
export const RESCHEDULE = `mutation($id: ID!, $input: RescheduleBookingInput!) { rescheduleBooking(id: $id, input: $input) { ${BOOKING_FIELDS} } }`;
export const DELIVERED = `mutation($id: ID!) { markBookingDelivered(id: $id) { ${BOOKING_FIELDS} } }`;
export const GET = `query($id: ID!) { booking(id: $id) { ${BOOKING_FIELDS} title schoolName employerName
  transitions { version action fromState toState actorSide actorUserId byEmailLink reason proposedAlternative offerSessionId previousOfferSessionId } } }`;

export type BookingRow = Record<string, unknown> & { id: string; state: string; version: number; offerSessionId: string; startsAt: string };

/** `days` London days after the clock's today, at `time` on the London wall clock. */
export function daysAhead(clock: Clock, days: number, time = '13:00'): Date {
  return londonWallClockToInstant(addDays(clock.today(), days), time);
}

let contactCounter = 0;

/** A contact of the hub's employer and a published offer with one session per entry of `days`. */
export async function bookableOffer(
  api: TestApi,
  hub: HubFixture,
  options: { days: number[]; format?: string; activityType?: string; yearGroups?: number[]; capacity?: number } = { days: [10] },
): Promise<BookableOffer> {
  contactCounter += 1;
  const contactEmail = `volunteer${contactCounter}.${hub.slug}@example.test`;
  const { addEmployerContact } = await api.ok<{ addEmployerContact: { id: string } }>(
    'mutation($employerId: ID!, $input: EmployerContactInput!) { addEmployerContact(employerId: $employerId, input: $input) { id } }',
    { employerId: hub.employer.id, input: { name: `Volunteer ${contactCounter}`, email: contactEmail } },
    hub.tokens.hubAdmin,
  );
  const starts = options.days.map((d) => daysAhead(api.clock, d));
  const { createOffer } = await api.ok<{ createOffer: { id: string; sessions: Array<{ id: string; startsAt: string }> } }>(
    'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id sessions { id startsAt } } }',
    {
      input: {
        employerId: hub.employer.id,
        contactId: addEmployerContact.id,
        title: 'Mock interviews with engineers',
        activityType: options.activityType ?? 'mock_interviews',
        format: options.format ?? 'in_person_school',
        durationMinutes: 90,
        pupilsPerSession: 30,
        sessionsAvailable: Math.max(3, starts.length),
        yearGroups: options.yearGroups ?? [10, 11],
        travelRadiusKm: 15,
        status: 'published',
        availabilityWindows: [],
        sessions: starts.map((s) => ({
          startsAt: s.toISOString(),
          endsAt: new Date(s.getTime() + 90 * 60_000).toISOString(),
          capacity: options.capacity ?? 30,
        })),
      },
    },
    hub.tokens.hubAdmin,
  );
  const sessions = [...createOffer.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    contactId: addEmployerContact.id,
    contactEmail,
    offerId: createOffer.id,
    sessionIds: sessions.map((s) => s.id),
    sessionStarts: sessions.map((s) => new Date(s.startsAt)),
  };
}

/** The school asks for one session; returns the new booking. */
export async function requestSlot(
  api: TestApi,
  hub: HubFixture,
  sessionId: string,
  over: Record<string, unknown> = {},
): Promise<BookingRow> {
  const { requestOfferSession } = await api.ok<{ requestOfferSession: BookingRow }>(
    REQUEST_SLOT,
    {
      input: {
        offerSessionId: sessionId,
        schoolId: hub.schoolA.id,
        yearGroup: 11,
        pupilCount: 25,
        notes: 'Year 11, preparing for college interviews',
        ...over,
      },
    },
    hub.tokens.schoolStaff,
  );
  return requestOfferSession;
}

export async function getBooking(
  api: TestApi,
  hub: HubFixture,
  id: string,
): Promise<BookingRow & { transitions: Array<Record<string, unknown>> }> {
  return (await api.ok<{ booking: BookingRow & { transitions: Array<Record<string, unknown>> } }>(GET, { id }, hub.tokens.hubAdmin))
    .booking;
}

/** The Accept / Decline tokens from a request email's text part (Accept comes first). */
export function linkTokens(message: SinkMessage): { accept: string; decline: string } {
  const accept = /Accept this request:\n\S+\/bookings\/respond\/([A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
  const decline = /Decline or suggest another time:\n\S+\/bookings\/respond\/([A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{43})/.exec(
    message.text,
  )?.[1];
  if (!accept || !decline) throw new Error(`expected an accept and a decline link in: ${message.text}`);
  return { accept, decline };
}

export async function openLink(api: TestApi, token: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${api.url}/bookings/respond/${token}`);
  return { status: res.status, html: await res.text() };
}

export async function postLink(api: TestApi, token: string, form: Record<string, string> = {}): Promise<{ status: number; html: string }> {
  const res = await fetch(`${api.url}/bookings/respond/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, html: await res.text() };
}

/** Runs SQL as the app role inside the hub's tenant (RLS applies). */
export function asTenant<T>(api: TestApi, hub: HubFixture, sql: string, params: unknown[] = []): Promise<T[]> {
  return TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, () => api.db.tenantDb.transaction((em) => em.query(sql, params)));
}

/** Waits until everything due by the API's clock has been sent (see `mailSettled` in test-support). */
export function mailSettled(api: TestApi, mailQueue: Queue): Promise<void> {
  return settledMail(api.db, mailQueue);
}

export { waitFor };

/** A hub's outbox rows whose job key starts with `prefix`: when each is due, and whether it has gone to the queue. */
export function outboxRows(
  api: TestApi,
  hub: HubFixture,
  prefix: string,
): Promise<Array<{ dedupe_key: string; available_at: Date; status: string }>> {
  return asTenant(
    api,
    hub,
    `select dedupe_key, available_at, status from notification_outbox where dedupe_key like $1 order by available_at, dedupe_key`,
    [`${prefix}%`],
  );
}

/** Messages to one address, oldest first. */
export const mailTo = (messages: readonly SinkMessage[], email: string): SinkMessage[] =>
  messages.filter((m) => m.to.includes(email.toLowerCase()));

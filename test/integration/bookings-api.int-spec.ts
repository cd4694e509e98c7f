/**
 * Bookings through the real GraphQL API, per role: who may see and change what, bad input (the code,
 * the field, nothing written, nothing leaked), lists and the calendar by scope and date range, the
 * hub's booking settings and notification preferences. (The mail itself: booking-journey.int-spec.)
 */
import { createHubFixture, startTestApi, type GqlResult, type HubFixture, type TestApi } from '@tandem/api-testing';
import { Client } from 'pg';
import {
  ACCEPT,
  asTenant,
  bookableOffer,
  BOOKING_FIELDS,
  CANCEL,
  DECLINE,
  DELIVERED,
  requestSlot,
  REQUEST_SLOT,
  RESCHEDULE,
  type BookableOffer,
} from './booking-helpers';

let api: TestApi;
let hub: HubFixture;
let other: HubFixture;
let offer: BookableOffer;

const LIST = `query($filter: BookingFilter, $first: Int, $after: String) { bookings(filter: $filter, first: $first, after: $after) { totalCount nodes { id state schoolName employerName title } pageInfo { hasNextPage endCursor } } }`;
const CALENDAR = `query($dateFrom: String!, $dateTo: String!, $filter: BookingFilter) { bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo, filter: $filter) { id startsAt state } }`;
const SETTINGS = `mutation($input: BookingSettingsInput!) { updateBookingSettings(input: $input) { reminderDaysBefore sendFrom sendUntil sendOnWeekends unansweredAfterDays linkValidityDays followUpHoursAfter } }`;
const PROPOSE = `mutation($requestId: ID!, $offerSessionId: ID!) { proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) { ${BOOKING_FIELDS} } }`;

const TABLES = [
  'bookings',
  'booking_transitions',
  'booking_links',
  'requests',
  'request_windows',
  'notification_outbox',
  'booking_settings',
  'notification_preferences',
];

async function counts(h = hub): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await asTenant<{ n: number }>(api, h, `select count(*)::int as n from ${t}`))[0].n;
  return out;
}

function expectNoLeaks(res: GqlResult<unknown>): void {
  expect(JSON.stringify(res)).not.toMatch(
    /\bat .+\.(ts|js):\d+|stacktrace|QueryFailedError|\bselect\b.+\bfrom\b|insert into|update .+ set |violates/i,
  );
}

/** Expects the code and field, no leak, and that nothing at all was written. */
async function rejects(query: string, variables: Record<string, unknown>, token: string, code: string, field?: string): Promise<void> {
  const before = await counts();
  const res = await api.gql(query, variables, token);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expectNoLeaks(res);
  expect(await counts()).toEqual(before);
}

const slot = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  input: { offerSessionId: offer.sessionIds[0], schoolId: hub.schoolA.id, yearGroup: 11, pupilCount: 25, ...over },
});

beforeAll(async () => {
  api = await startTestApi();
  hub = await createHubFixture(api);
  other = await createHubFixture(api, 'other');
  offer = await bookableOffer(api, hub, { days: [10, 11, 12, 13, 40] });
});
afterAll(() => api?.close());

describe('asking for a slot: bad input writes nothing', () => {
  it('names the field for each bad value', async () => {
    await rejects(REQUEST_SLOT, slot({ yearGroup: 6 }), hub.tokens.schoolStaff, 'INVALID_YEAR_GROUP', 'input.yearGroup');
    await rejects(REQUEST_SLOT, slot({ yearGroup: 9 }), hub.tokens.schoolStaff, 'INVALID_YEAR_GROUP', 'input.yearGroup');
    await rejects(REQUEST_SLOT, slot({ pupilCount: 31 }), hub.tokens.schoolStaff, 'INVALID_CAPACITY', 'input.pupilCount');
    await rejects(REQUEST_SLOT, slot({ pupilCount: 0 }), hub.tokens.schoolStaff, 'INVALID_CAPACITY', 'input.pupilCount');
    await rejects(REQUEST_SLOT, slot({ notes: 'x'.repeat(4001) }), hub.tokens.schoolStaff, 'INVALID_TEXT', 'input.notes');
    await rejects(
      REQUEST_SLOT,
      slot({ offerSessionId: '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b' }),
      hub.tokens.schoolStaff,
      'NOT_FOUND',
      'input.offerSessionId',
    );
    await rejects(REQUEST_SLOT, slot({ offerSessionId: 'not-a-uuid' }), hub.tokens.schoolStaff, 'NOT_FOUND', 'input.offerSessionId');
  });

  it('reports every bad value at once', async () => {
    const before = await counts();
    const res = await api.gql(REQUEST_SLOT, slot({ yearGroup: 'eleven', pupilCount: -3 }), hub.tokens.schoolStaff);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST'); // GraphQL's own Int check comes first
    const res2 = await api.gql(REQUEST_SLOT, slot({ yearGroup: 5, pupilCount: -3 }), hub.tokens.schoolStaff);
    expect(res2.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res2.errors?.[0]?.extensions?.details?.map((d) => d.field)).toEqual(['input.yearGroup', 'input.pupilCount']);
    expect(await counts()).toEqual(before);
  });

  it('keeps each side to its own: other schools, other tenants, employers', async () => {
    await rejects(REQUEST_SLOT, slot({ schoolId: hub.schoolB.id }), hub.tokens.schoolStaff, 'NOT_FOUND', 'input.schoolId');
    await rejects(REQUEST_SLOT, slot(), hub.tokens.coordinatorB, 'NOT_FOUND', 'input.schoolId');
    await rejects(REQUEST_SLOT, slot(), hub.tokens.employerContact, 'NOT_FOUND', 'input.schoolId');
    await rejects(REQUEST_SLOT, slot({ schoolId: other.schoolA.id }), hub.tokens.schoolStaff, 'NOT_FOUND', 'input.schoolId');
    await rejects(REQUEST_SLOT, slot(), other.tokens.schoolStaff, 'NOT_FOUND', 'input.offerSessionId');
  });

  it('books a session once: a taken session is refused', async () => {
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    expect(booking.state).toBe('accepted_by_school');
    await rejects(REQUEST_SLOT, slot(), hub.tokens.hubAdmin, 'CONFLICT', 'input.offerSessionId');
  });
});

describe('changes, by role', () => {
  let bookingId: string;

  beforeAll(async () => {
    bookingId = (await requestSlot(api, hub, offer.sessionIds[1])).id;
  });

  it('lets only the awaited side accept; others are refused with FORBIDDEN or NOT_FOUND', async () => {
    await rejects(ACCEPT, { id: bookingId }, hub.tokens.coordinator, 'FORBIDDEN');
    await rejects(ACCEPT, { id: bookingId }, hub.tokens.coordinatorB, 'NOT_FOUND', 'id');
    await rejects(ACCEPT, { id: bookingId }, other.tokens.hubAdmin, 'NOT_FOUND', 'id');
    await rejects(ACCEPT, { id: bookingId }, other.tokens.employerContact, 'NOT_FOUND', 'id');
    await rejects(ACCEPT, { id: 'nope' }, hub.tokens.schoolStaff, 'NOT_FOUND', 'id');
    // The school has accepted already (it asked): accepting again changes nothing and is no error.
    const again = await api.ok<{ acceptBooking: { version: number; state: string } }>(ACCEPT, { id: bookingId }, hub.tokens.schoolStaff);
    expect(again.acceptBooking).toMatchObject({ version: 1, state: 'accepted_by_school' });
  });

  it('refuses moves the state does not allow, in words', async () => {
    await rejects(DECLINE, { id: bookingId }, hub.tokens.schoolStaff, 'INVALID_TRANSITION', 'id');
    await rejects(DELIVERED, { id: bookingId }, hub.tokens.schoolStaff, 'INVALID_TRANSITION', 'id');
    await rejects(CANCEL, { id: bookingId, input: { reason: '' } }, hub.tokens.schoolStaff, 'REQUIRED', 'input.reason');
    await rejects(CANCEL, { id: bookingId, input: { reason: 'x'.repeat(1001) } }, hub.tokens.schoolStaff, 'INVALID_TEXT', 'input.reason');
    await rejects(
      RESCHEDULE,
      { id: bookingId, input: { offerSessionId: offer.sessionIds[0] } },
      hub.tokens.schoolStaff,
      'CONFLICT',
      'input.offerSessionId',
    );
    const res = await api.gql(DECLINE, { id: bookingId }, hub.tokens.schoolStaff);
    expect(res.errors?.[0]?.message).toBe('You have already accepted this booking: cancel it instead, giving a reason');
  });

  it('the employer contact (logged in) accepts; the transition records who', async () => {
    const token = api.tokenFor(hub.principals.employerContact);
    const { acceptBooking } = await api.ok<{ acceptBooking: { state: string; version: number } }>(ACCEPT, { id: bookingId }, token);
    expect(acceptBooking).toMatchObject({ state: 'confirmed', version: 2 });
    const [t] = await asTenant<{ actor_side: string; actor_user_id: string }>(
      api,
      hub,
      'select actor_side, actor_user_id from booking_transitions where booking_id = $1 and version = 2',
      [bookingId],
    );
    expect(t).toEqual({ actor_side: 'employer', actor_user_id: hub.principals.employerContact.userId });
  });

  it('a coordinator cancels with a reason; cancelling again changes nothing', async () => {
    const { cancelBooking } = await api.ok<{ cancelBooking: { state: string; version: number } }>(
      CANCEL,
      { id: bookingId, input: { reason: 'Snow: the school is closed' } },
      hub.tokens.coordinator,
    );
    expect(cancelBooking).toMatchObject({ state: 'cancelled', version: 3 });
    const before = await counts();
    const again = await api.ok<{ cancelBooking: { version: number } }>(
      CANCEL,
      { id: bookingId, input: { reason: 'again' } },
      hub.tokens.schoolStaff,
    );
    expect(again.cancelBooking.version).toBe(3);
    expect(await counts()).toEqual(before);
  });

  it('a coordinator proposes an open request for an open session; both sides are asked', async () => {
    const { createRequest } = await api.ok<{ createRequest: { id: string } }>(
      'mutation($input: CreateRequestInput!) { createRequest(input: $input) { id } }',
      {
        input: {
          schoolId: hub.schoolA.id,
          activityType: 'mock_interviews',
          yearGroup: 10,
          pupilCount: 20,
          formats: ['in_person_school'],
          windows: [
            {
              startsAt: new Date(api.clock.now().getTime() + 86_400_000).toISOString(),
              endsAt: new Date(api.clock.now().getTime() + 60 * 86_400_000).toISOString(),
            },
          ],
        },
      },
      hub.tokens.schoolStaff,
    );
    await rejects(PROPOSE, { requestId: createRequest.id, offerSessionId: offer.sessionIds[2] }, hub.tokens.schoolStaff, 'FORBIDDEN');
    await rejects(
      PROPOSE,
      { requestId: createRequest.id, offerSessionId: offer.sessionIds[2] },
      hub.tokens.coordinatorB,
      'NOT_FOUND',
      'requestId',
    );
    const { proposeBooking } = await api.ok<{ proposeBooking: { state: string; requestId: string } }>(
      PROPOSE,
      { requestId: createRequest.id, offerSessionId: offer.sessionIds[2] },
      hub.tokens.coordinator,
    );
    expect(proposeBooking).toMatchObject({ state: 'proposed', requestId: createRequest.id });
    const rows = await asTenant<{ dedupe_key: string }>(
      api,
      hub,
      `select dedupe_key from notification_outbox where dedupe_key like '%' || $1 || '%' order by dedupe_key`,
      [(await asTenant<{ id: string }>(api, hub, 'select id from bookings where request_id = $1', [createRequest.id]))[0].id],
    );
    expect(rows.map((r) => r.dedupe_key.split('.')[1])).toEqual(['booking_awaiting_school', 'booking_request']);
    await rejects(
      PROPOSE,
      { requestId: createRequest.id, offerSessionId: offer.sessionIds[3] },
      hub.tokens.coordinator,
      'CONFLICT',
      'requestId',
    );
  });
});

describe('lists and the calendar', () => {
  it('shows each role its own bookings only', async () => {
    const all = await api.ok<{
      bookings: { totalCount: number; nodes: Array<{ schoolName: string; employerName: string; title: string }> };
    }>(LIST, {}, hub.tokens.hubAdmin);
    expect(all.bookings.totalCount).toBe(3);
    expect(all.bookings.nodes[0]).toMatchObject({
      schoolName: 'Northfield Academy',
      employerName: 'Aire Engineering Ltd',
      title: 'Mock interviews with engineers',
    });
    expect(
      (await api.ok<{ bookings: { totalCount: number } }>(LIST, {}, api.tokenFor(hub.principals.employerContact))).bookings.totalCount,
    ).toBe(3);
    expect((await api.ok<{ bookings: { totalCount: number } }>(LIST, {}, hub.tokens.schoolStaff)).bookings.totalCount).toBe(3);
    expect((await api.ok<{ bookings: { totalCount: number } }>(LIST, {}, hub.tokens.coordinatorB)).bookings.totalCount).toBe(0);
    expect((await api.ok<{ bookings: { totalCount: number } }>(LIST, {}, other.tokens.hubAdmin)).bookings.totalCount).toBe(0);
    expect(
      (await api.ok<{ bookings: { totalCount: number } }>(LIST, { filter: { states: ['cancelled'] } }, hub.tokens.hubAdmin)).bookings
        .totalCount,
    ).toBe(1);
    expect(
      (await api.ok<{ bookings: { totalCount: number } }>(LIST, { filter: { schoolId: other.schoolA.id } }, hub.tokens.hubAdmin)).bookings
        .totalCount,
    ).toBe(0);
    const page = await api.ok<{ bookings: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      LIST,
      { first: 2 },
      hub.tokens.hubAdmin,
    );
    expect(page.bookings).toMatchObject({ nodes: [expect.anything(), expect.anything()], pageInfo: { hasNextPage: true } });
  });

  it('filters by London days and orders the calendar by start', async () => {
    const day = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
    const res = await api.ok<{ bookingCalendar: Array<{ startsAt: string }> }>(
      CALENDAR,
      { dateFrom: day(offer.sessionStarts[0]), dateTo: day(offer.sessionStarts[1]) },
      hub.tokens.hubAdmin,
    );
    expect(res.bookingCalendar.map((b) => b.startsAt)).toEqual([
      offer.sessionStarts[0].toISOString(),
      offer.sessionStarts[1].toISOString(),
    ]);
    const one = await api.ok<{ bookingCalendar: unknown[] }>(
      CALENDAR,
      { dateFrom: day(offer.sessionStarts[1]), dateTo: day(offer.sessionStarts[1]) },
      hub.tokens.hubAdmin,
    );
    expect(one.bookingCalendar).toHaveLength(1);
  });

  it('refuses bad ranges and filters, naming the field', async () => {
    await rejects(CALENDAR, { dateFrom: '2026-01-01', dateTo: '2026-06-01' }, hub.tokens.hubAdmin, 'INVALID_WINDOW', 'dateTo');
    await rejects(CALENDAR, { dateFrom: '2026-02-01', dateTo: '2026-01-01' }, hub.tokens.hubAdmin, 'INVALID_WINDOW', 'filter.dateTo');
    await rejects(CALENDAR, { dateFrom: '2026-02-30', dateTo: '2026-03-01' }, hub.tokens.hubAdmin, 'INVALID_DATE', 'filter.dateFrom');
    await rejects(LIST, { filter: { states: ['booked'] } }, hub.tokens.hubAdmin, 'INVALID_ENUM_VALUE', 'filter.states[0]');
    await rejects(LIST, { first: 500 }, hub.tokens.hubAdmin, 'VALIDATION_FAILED', 'first');
  });
});

describe('hub booking settings and preferences', () => {
  it('hub admins change the settings; others may not; bad values name their field', async () => {
    const { updateBookingSettings } = await api.ok<{ updateBookingSettings: Record<string, unknown> }>(
      SETTINGS,
      { input: { reminderDaysBefore: [1, 14], unansweredAfterDays: 3 } },
      hub.tokens.hubAdmin,
    );
    expect(updateBookingSettings).toEqual({
      reminderDaysBefore: [14, 1],
      sendFrom: '08:00',
      sendUntil: '20:00',
      sendOnWeekends: false,
      unansweredAfterDays: 3,
      linkValidityDays: 14,
      followUpHoursAfter: 2,
    });
    await rejects(SETTINGS, { input: { sendFrom: '07:00' } }, hub.tokens.coordinator, 'FORBIDDEN');
    await rejects(SETTINGS, { input: { sendFrom: '25:00' } }, hub.tokens.hubAdmin, 'INVALID_TIME', 'input.sendFrom');
    await rejects(SETTINGS, { input: { sendFrom: '18:00', sendUntil: '08:00' } }, hub.tokens.hubAdmin, 'INVALID_WINDOW', 'input.sendUntil');
    await rejects(SETTINGS, { input: { reminderDaysBefore: [0] } }, hub.tokens.hubAdmin, 'INVALID_NUMBER', 'input.reminderDaysBefore[0]');
    const read = await api.ok<{ bookingSettings: { reminderDaysBefore: number[] } }>(
      '{ bookingSettings { reminderDaysBefore } }',
      {},
      hub.tokens.coordinator,
    );
    expect(read.bookingSettings.reminderDaysBefore).toEqual([14, 1]);
    await rejects('{ bookingSettings { sendFrom } }', {}, hub.tokens.schoolStaff, 'FORBIDDEN');
    expect(
      (
        await api.ok<{ bookingSettings: { reminderDaysBefore: number[] } }>(
          '{ bookingSettings { reminderDaysBefore } }',
          {},
          other.tokens.hubAdmin,
        )
      ).bookingSettings.reminderDaysBefore,
    ).toEqual([7, 1]);
  });

  it('every logged-in user manages their own preferences', async () => {
    const Q = 'mutation($input: NotificationPreferencesInput!) { updateMyNotificationPreferences(input: $input) { email muted } }';
    const { updateMyNotificationPreferences } = await api.ok<{ updateMyNotificationPreferences: { email: string; muted: string[] } }>(
      Q,
      { input: { muted: ['reminders', 'check_ins'] } },
      hub.tokens.schoolStaff,
    );
    expect(updateMyNotificationPreferences).toEqual({ email: hub.emails.schoolStaff, muted: ['reminders', 'check_ins'] });
    expect(
      (
        await api.ok<{ myNotificationPreferences: { muted: string[] } }>(
          '{ myNotificationPreferences { muted } }',
          {},
          hub.tokens.schoolStaff,
        )
      ).myNotificationPreferences.muted,
    ).toEqual(['reminders', 'check_ins']);
    await rejects(Q, { input: { muted: ['reminders', 'confirmations'] } }, hub.tokens.schoolStaff, 'INVALID_ENUM_VALUE', 'input.muted[1]');
    await api.ok(Q, { input: { muted: [] } }, hub.tokens.schoolStaff);
  });
});

describe('the tables themselves', () => {
  it('keeps the booking history append-only for the app role', async () => {
    const app = new Client({ connectionString: api.db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', $1, true)`, [hub.tenantId]);
      await expect(app.query(`update booking_transitions set reason = 'rewritten'`)).rejects.toMatchObject({ code: '42501' });
      await app.query('rollback');
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', $1, true)`, [hub.tenantId]);
      await expect(app.query(`delete from booking_transitions`)).rejects.toMatchObject({ code: '42501' });
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });
});

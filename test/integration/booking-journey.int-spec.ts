/**
 * The booking journey on real parts (PostgreSQL, Redis, the worker, an SMTP server in this process),
 * reading the mail that arrives: a school asks for a slot → the employer accepts from the emailed
 * link (no log-in) → both get a confirmation with a calendar invite → the reminders 7 days and 1 day
 * before (the test moves the product's clock to each, and to a minute before) → the session is
 * marked delivered → the follow-ups → attendance is recorded. Then the other paths: decline with a
 * reason, reschedule, cancel, refused links, sending hours, preferences, nudges, schedulers.
 *
 * The clock starts at TEST_START (Tuesday 17 November 2026, 10:00 London, inside the hub's default
 * sending hours, weekdays 08:00–20:00) and only the test moves it: the machine's time never matters.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import type { Principal } from '@tandem/domain';
import { BookingsService, MailProcessor, NudgeScanService, NudgeSchedulers } from '@tandem/features';
import { TenantContext } from '@tandem/persistence';
import { QUEUE_NAMES } from '@tandem/platform';
import { startSmtpSink, TEST_START, type SinkMessage, type SmtpSink } from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import type { Job, Queue } from 'bullmq';
import {
  ACCEPT,
  asTenant,
  bookableOffer,
  CANCEL,
  DELIVERED,
  getBooking,
  linkTokens,
  mailSettled,
  mailTo,
  openLink,
  outboxRows,
  postLink,
  requestSlot,
  RESCHEDULE,
  waitFor,
  type BookableOffer,
} from './booking-helpers';

let api: TestApi;
let worker: TestWorker;
let sink: SmtpSink;
let hub: HubFixture;
let mailQueue: Queue;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi({ smtpUrl: sink.url });
  worker = await startTestWorker(api, { smtpUrl: sink.url, relay: { pollIntervalMs: 50 } });
  hub = await createHubFixture(api);
  mailQueue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await sink?.close();
});

const kindOf = (m: SinkMessage): string => String(m.headers.get('x-tandem-kind'));
/** Everything due by the clock has been sent (wait on the mail path's state, never on a pause). */
const settled = (): Promise<void> => mailSettled(api, mailQueue);
/** Moves the product's clock to `at` and waits until everything due by then has been sent. */
async function timeIs(at: string | Date): Promise<void> {
  api.clock.set(at);
  await settled();
}
const ics = (m: SinkMessage): string => m.attachments.find((a) => a.filename === 'invite.ics')?.content.toString('utf8') ?? '';
/** Field values of an unfolded iCalendar text. */
const icsField = (text: string, name: string): string | undefined =>
  new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(text.replace(/\r\n /g, ''))?.[1]?.trim();
const asHub = <T>(fn: () => Promise<T>): Promise<T> => TenantContext.run({ tenantId: hub.tenantId, actorUserId: null }, fn);
/** The employer accepts from the emailed link; returns once both confirmations have arrived. */
async function confirmByLink(offer: BookableOffer, schoolEmail = hub.emails.schoolStaff): Promise<void> {
  const request = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_request');
  expect((await postLink(api, linkTokens(request).accept)).status).toBe(200);
  await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_confirmed');
  await sink.waitFor((m) => m.to.includes(schoolEmail) && kindOf(m) === 'booking_confirmed');
}

describe('the whole journey', () => {
  let offer: BookableOffer;
  let bookingId: string;
  const school = (): string => hub.emails.schoolStaff;
  const coordinator = (): string => hub.emails.coordinator;

  beforeAll(async () => {
    offer = await bookableOffer(api, hub, { days: [10, 12] });
    sink.clear();
  });

  it('a school asks for a specific slot: the employer contact gets the request with Accept / Decline links, nobody else anything', async () => {
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    bookingId = booking.id;
    expect(booking).toMatchObject({
      state: 'accepted_by_school',
      version: 1,
      offerSessionId: offer.sessionIds[0],
      yearGroup: 11,
      pupilCount: 25,
      contactId: offer.contactId,
    });
    const request = await sink.waitFor((m) => m.to.includes(offer.contactEmail));
    expect(kindOf(request)).toBe('booking_request');
    expect(request.subject).toMatch(
      /^Request: Mock interviews with engineers for Northfield Academy, \w+day \d+ \w+ \d{4} at 13:00–14:30 \(GMT\)$/,
    );
    expect(request.text).toContain('Northfield Academy would like a session of Mock interviews with engineers with 25 pupils in Year 11.');
    expect(request.text).toContain('Their note: Year 11, preparing for college interviews');
    expect(request.html).toContain('Accept this request</a>');
    linkTokens(request);
    await settled();
    expect(sink.messages.map((m) => [m.to[0], kindOf(m)])).toEqual([[offer.contactEmail, 'booking_request']]);
    const rows = await asTenant<{ status: string }>(api, hub, 'select status from offer_sessions where id = $1', [offer.sessionIds[0]]);
    expect(rows[0].status).toBe('held');
  });

  it('opening the Accept link changes nothing; confirming on the page accepts, and both sides get a confirmation with a calendar invite', async () => {
    const { accept } = linkTokens(mailTo(sink.messages, offer.contactEmail)[0]);
    const page = await openLink(api, accept);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Accept this request?</h1>');
    expect((await getBooking(api, hub, bookingId)).state).toBe('accepted_by_school');

    const done = await postLink(api, accept);
    expect(done.status).toBe(200);
    expect(done.html).toContain('<h1>Accepted – thank you</h1>');
    expect(done.html).toContain('The session is confirmed');
    const booking = await getBooking(api, hub, bookingId);
    expect(booking).toMatchObject({ state: 'confirmed', version: 2 });
    expect(booking.transitions).toEqual([
      expect.objectContaining({
        version: 1,
        action: 'create',
        fromState: null,
        toState: 'accepted_by_school',
        actorSide: 'school',
        actorUserId: hub.principals.schoolStaff.userId,
        byEmailLink: false,
      }),
      expect.objectContaining({
        version: 2,
        action: 'accept',
        fromState: 'accepted_by_school',
        toState: 'confirmed',
        actorSide: 'employer',
        actorUserId: null,
        byEmailLink: true,
      }),
    ]);

    const toSchool = await sink.waitFor((m) => m.to.includes(school()) && kindOf(m) === 'booking_confirmed');
    const toEmployer = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_confirmed');
    for (const [m, side] of [
      [toSchool, 'school'],
      [toEmployer, 'employer'],
    ] as const) {
      expect(m.subject).toMatch(/^Confirmed: Mock interviews with engineers, /);
      expect(m.text).toContain('What to prepare (a meaningful encounter)');
      expect(m.text).toContain(side === 'school' ? 'help pupils prepare questions to ask' : 'plan questions, a task or an activity');
      const invite = ics(m);
      expect(icsField(invite, 'METHOD')).toBe('REQUEST');
      expect(icsField(invite, 'UID')).toBe(`booking-${bookingId}@tandem`);
      expect(icsField(invite, 'SEQUENCE')).toBe('2');
      expect(icsField(invite, 'STATUS')).toBe('CONFIRMED');
      expect(icsField(invite, 'DTSTART')).toBe(offer.sessionStarts[0].toISOString().replace(/[-:]/g, '').replace('.000', ''));
      expect(invite).toContain(`mailto:${offer.contactEmail}`);
      expect(invite).toContain(`mailto:${school()}`);
      expect(m.attachments[0].contentType).toMatch(/^text\/calendar/);
    }
    expect(ics(toSchool)).toBe(ics(toEmployer));
    const rows = await asTenant<{ status: string }>(api, hub, 'select status from offer_sessions where id = $1', [offer.sessionIds[0]]);
    expect(rows[0].status).toBe('booked');
  });

  it('the same accept again (link or GraphQL) is refused or ignored, and sends nothing', async () => {
    const { accept } = linkTokens(mailTo(sink.messages, offer.contactEmail)[0]);
    const again = await postLink(api, accept);
    expect(again.status).toBe(410);
    expect(again.html).toContain('<h1>This link has already been used</h1>');
    expect(again.html).toMatch(/This request was accepted on \w+day/);
    const employer = hub.principals.employerContact;
    const token = api.tokenFor(employer);
    const res = await api.ok<{ acceptBooking: { state: string; version: number } }>(ACCEPT, { id: bookingId }, token);
    expect(res.acceptBooking).toMatchObject({ state: 'confirmed', version: 2 });
    await settled();
    expect(sink.messages.filter((m) => kindOf(m) === 'booking_confirmed')).toHaveLength(2);
    expect((await getBooking(api, hub, bookingId)).transitions).toHaveLength(2);
  });

  it('schedules the reminders 7 days and 1 day before (same London wall-clock time) and the follow-up 2 hours after, as outbox rows due then', async () => {
    // The session: Friday 27 November 2026, 13:00–14:30 London (GMT).
    expect(offer.sessionStarts[0].toISOString()).toBe('2026-11-27T13:00:00.000Z');
    const rows = await outboxRows(api, hub, `mail.booking_`);
    expect(
      rows
        .filter((r) => r.dedupe_key.includes(bookingId) && r.status === 'pending')
        .map((r) => [r.dedupe_key, r.available_at.toISOString()]),
    ).toEqual([
      [`mail.booking_reminder.${bookingId}.d7.v2`, '2026-11-20T13:00:00.000Z'],
      [`mail.booking_reminder.${bookingId}.d1.v2`, '2026-11-26T13:00:00.000Z'],
      [`mail.booking_follow_up.${bookingId}.v2`, '2026-11-27T16:30:00.000Z'],
    ]);
  });

  it('sends each reminder to both sides with what to prepare, at its time and not a minute before, once', async () => {
    for (const [days, at] of [
      [7, '2026-11-20T13:00:00Z'],
      [1, '2026-11-26T13:00:00Z'],
    ] as const) {
      const words = days === 1 ? 'tomorrow' : 'in 7 days';
      const reminders = (): SinkMessage[] =>
        sink.messages.filter((m) => m.subject.startsWith(`Reminder: Mock interviews with engineers ${words}`));
      await timeIs(new Date(Date.parse(at) - 60_000));
      expect(reminders()).toEqual([]);
      await timeIs(at);
      expect(
        reminders()
          .map((m) => m.to[0])
          .sort(),
      ).toEqual([offer.contactEmail, school()].sort());
      const employer = mailTo(reminders(), offer.contactEmail)[0];
      expect(employer.text).toContain('Learning outcomes: two or three things pupils should know');
      expect(employer.text).toContain('/email-preferences?hub=');
    }
  });

  it('marks delivered once the session has happened, then follows up: the school records attendance, the employer is asked for feedback', async () => {
    const early = await api.gql(DELIVERED, { id: bookingId }, hub.tokens.schoolStaff);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'id' });
    // The session has started: it can be marked delivered.
    api.clock.set('2026-11-27T13:00:00Z');
    const { markBookingDelivered } = await api.ok<{ markBookingDelivered: { state: string; deliveredAt: string } }>(
      DELIVERED,
      { id: bookingId },
      hub.tokens.schoolStaff,
    );
    expect(markBookingDelivered.state).toBe('delivered');
    expect(markBookingDelivered.deliveredAt).toBe('2026-11-27T13:00:00.000Z');
    // The follow-up waits for two hours after the end.
    await timeIs('2026-11-27T16:29:00Z');
    expect(sink.messages.filter((m) => kindOf(m) === 'booking_follow_up')).toEqual([]);
    await timeIs('2026-11-27T16:30:00Z');
    const toSchool = await sink.waitFor((m) => m.to.includes(school()) && kindOf(m) === 'booking_follow_up');
    expect(toSchool.subject).toBe('How did it go? Record attendance for Mock interviews with engineers');
    expect(toSchool.text).toContain(
      'the meaningful checklist: a clear purpose, learning outcomes, two-way interaction, and time to reflect afterwards',
    );
    expect(toSchool.text).toContain(`http://admin.test/bookings/${bookingId}`);
    const toEmployer = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_follow_up');
    expect(toEmployer.subject).toBe('Thank you: how was Mock interviews with engineers at Northfield Academy?');
    expect(toEmployer.headers.get('reply-to')).toMatchObject({ text: coordinator() });
  });

  it('enters the ledger as an encounter; recording attendance on it marks the booking recorded and the request fulfilled', async () => {
    const ENCOUNTERS = `query($b: ID!) { encounters(filter: { bookingId: $b }) { totalCount nodes { id bookingId status activityType format yearGroups } } }`;
    const { encounters } = await api.ok<{
      encounters: {
        totalCount: number;
        nodes: Array<{ id: string; bookingId: string; status: string; activityType: string; yearGroups: number[] }>;
      };
    }>(ENCOUNTERS, { b: bookingId }, hub.tokens.schoolStaff);
    expect(encounters.totalCount).toBe(1);
    expect(encounters.nodes[0]).toMatchObject({ bookingId, status: 'delivered', activityType: 'mock_interviews', yearGroups: [11] });
    const encounterId = encounters.nodes[0].id;

    const [pupil] = await asTenant<{ id: string }>(
      api,
      hub,
      `insert into pupils (tenant_id, school_id, reference, year_group, on_roll_from) values (app_current_tenant(), $1, 'JOURNEY-1', 11, '2020-09-01') returning id`,
      [hub.schoolA.id],
    );
    await api.ok(
      `mutation($e: ID!, $c: [String!]!) { setEncounterChecklist(encounterId: $e, criteria: $c) { id } }`,
      { e: encounterId, c: ['purpose_shared', 'learning_outcomes', 'two_way_interaction', 'reflection'] },
      hub.tokens.schoolStaff,
    );
    const { recordAttendance } = await api.ok<{ recordAttendance: { attendanceCount: number } }>(
      `mutation($e: ID!, $ids: [ID!]!) { recordAttendance(encounterId: $e, input: { pupilIds: $ids }) { attendanceCount } }`,
      { e: encounterId, ids: [pupil.id] },
      hub.tokens.schoolStaff,
    );
    expect(recordAttendance.attendanceCount).toBe(1);

    const { booking } = await api.ok<{ booking: { state: string; version: number } }>(
      `query($id: ID!) { booking(id: $id) { state version } }`,
      { id: bookingId },
      hub.tokens.schoolStaff,
    );
    expect(booking).toEqual({ state: 'recorded', version: 4 });
    // Correcting attendance later keeps the booking recorded (the same change twice changes nothing).
    await api.ok(
      `mutation($e: ID!, $ids: [ID!]!) { recordAttendance(encounterId: $e, input: { pupilIds: $ids }) { attendanceCount } }`,
      { e: encounterId, ids: [pupil.id] },
      hub.tokens.schoolStaff,
    );
    const service = api.app.get(BookingsService);
    const p: Principal = hub.principals.schoolStaff;
    const again = await TenantContext.run({ tenantId: hub.tenantId, actorUserId: p.userId }, () => service.markRecorded(p, bookingId));
    expect(again.version).toBe(4);
    const [request] = await asTenant<{ status: string }>(
      api,
      hub,
      'select r.status from requests r join bookings b on b.request_id = r.id where b.id = $1',
      [bookingId],
    );
    expect(request.status).toBe('fulfilled');
    // …and the pupil now has a meaningful Benchmark 5 encounter this year.
    const [ledger] = await asTenant<{ met: boolean }>(
      api,
      hub,
      `select bool_or(met) as met from ledger_pupil_years where pupil_id = $1 and benchmark = 5`,
      [pupil.id],
    );
    expect(ledger.met).toBe(true);
  });

  it('sent exactly these emails, each once, and logged each send', async () => {
    await settled();
    const summary = (email: string): string[] => mailTo(sink.messages, email).map(kindOf);
    expect(summary(offer.contactEmail)).toEqual([
      'booking_request',
      'booking_confirmed',
      'booking_reminder',
      'booking_reminder',
      'booking_follow_up',
    ]);
    expect(summary(school())).toEqual(['booking_confirmed', 'booking_reminder', 'booking_reminder', 'booking_follow_up']);
    expect(summary(coordinator())).toEqual([]);
    expect(sink.messages).toHaveLength(9);
    const ids = sink.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const log = await asTenant<{ n: number }>(api, hub, `select count(*)::int as n from sent_emails where job_key like $1`, [
      `%${bookingId}%`,
    ]);
    expect(log[0].n).toBe(9);
  });
});

describe('other paths', () => {
  beforeEach(() => {
    sink.clear();
    api.clock.set(TEST_START);
  });

  it('the employer declines from the link with a reason and another time: school and coordinator are told, the slot opens again', async () => {
    const offer = await bookableOffer(api, hub, { days: [15] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    const { decline } = linkTokens(await sink.waitFor((m) => m.to.includes(offer.contactEmail)));
    const form = await openLink(api, decline);
    expect(form.html).toContain('<label for="reason">');
    expect(form.html).toContain('<form method="post">');

    const tooLong = await postLink(api, decline, { reason: 'x'.repeat(1001), proposedAlternative: 'Thursday' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain('role="alert"');
    expect(tooLong.html).toContain('Your reason must be at most 1000 characters (got 1001)');
    expect(tooLong.html).toContain('aria-invalid="true"');
    expect((await getBooking(api, hub, booking.id)).state).toBe('accepted_by_school');
    const [unused] = await asTenant<{ used_at: Date | null }>(api, hub, 'select used_at from booking_links where booking_id = $1', [
      booking.id,
    ]);
    expect(unused.used_at).toBeNull();

    const done = await postLink(api, decline, {
      reason: 'Our engineers are on a site visit that week',
      proposedAlternative: 'Any Thursday afternoon in March',
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Declined – thank you for letting us know');
    const after = await getBooking(api, hub, booking.id);
    expect(after.state).toBe('declined');
    expect(after.transitions[1]).toMatchObject({
      action: 'decline',
      actorSide: 'employer',
      reason: 'Our engineers are on a site visit that week',
      proposedAlternative: 'Any Thursday afternoon in March',
    });
    for (const email of [hub.emails.schoolStaff, hub.emails.coordinator]) {
      const m = await sink.waitFor((x) => x.to.includes(email) && kindOf(x) === 'booking_declined');
      expect(m.text).toContain('They suggest instead: Any Thursday afternoon in March');
      expect(m.text).toContain('Their reason: Our engineers are on a site visit that week');
    }
    const [session] = await asTenant<{ status: string }>(api, hub, 'select status from offer_sessions where id = $1', [
      offer.sessionIds[0],
    ]);
    expect(session.status).toBe('open');
    const [request] = await asTenant<{ status: string }>(api, hub, 'select status from requests where id = $1', [booking.requestId]);
    expect(request.status).toBe('open');
    const used = await openLink(api, decline);
    expect(used.status).toBe(410);
  });

  it('refuses a tampered, an expired and a superseded link with a clear page, changing nothing', async () => {
    const offer = await bookableOffer(api, hub, { days: [20, 21] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    const { accept } = linkTokens(await sink.waitFor((m) => m.to.includes(offer.contactEmail)));
    const tampered = `${accept.slice(0, -1)}${accept.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [tampered, 'not-a-token', `${accept}x`]) {
      const res = await postLink(api, token);
      expect(res.status).toBe(404);
      expect(res.html).toContain('<h1>This link is not valid</h1>');
      expect(res.html).not.toMatch(/stack|error:|select |\.ts:/i);
    }
    // Links live 14 days (never past the session): a minute before, the link works; a minute after, it has expired.
    api.clock.set('2026-12-01T09:59:00Z');
    expect((await openLink(api, accept)).status).toBe(200);
    api.clock.set('2026-12-01T10:01:00Z');
    const expired = await postLink(api, accept);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('<h1>This link has expired</h1>');
    expect((await getBooking(api, hub, booking.id)).state).toBe('accepted_by_school');

    // The school moves it to the other session: the old email's links are superseded, a new request goes out.
    sink.clear();
    const moved = await api.ok<{ rescheduleBooking: { state: string; offerSessionId: string } }>(
      RESCHEDULE,
      { id: booking.id, input: { offerSessionId: offer.sessionIds[1], reason: 'Mock exams moved' } },
      hub.tokens.schoolStaff,
    );
    expect(moved.rescheduleBooking).toMatchObject({ state: 'accepted_by_school', offerSessionId: offer.sessionIds[1] });
    const superseded = await postLink(api, accept);
    expect(superseded.status).toBe(410);
    expect(superseded.html).toContain('<h1>This request has changed</h1>');
    const fresh = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_request');
    expect(fresh.subject).toMatch(/^New time requested: /);
    expect((await postLink(api, linkTokens(fresh).accept)).status).toBe(200);
    expect((await getBooking(api, hub, booking.id)).state).toBe('confirmed');
  });

  it('rescheduling a confirmed booking updates the same calendar event, and the old reminders send nothing', async () => {
    const offer = await bookableOffer(api, hub, { days: [22, 23] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    await confirmByLink(offer);
    // Sessions on Wednesday 9 and Thursday 10 December: the v2 reminder 7 days before is due on Wednesday 2 December at 13:00.
    expect(
      (await outboxRows(api, hub, `mail.booking_reminder.${booking.id}.d7.v2`)).map((r) => [r.available_at.toISOString(), r.status]),
    ).toEqual([['2026-12-02T13:00:00.000Z', 'pending']]);
    sink.clear();
    await api.ok(
      RESCHEDULE,
      { id: booking.id, input: { offerSessionId: offer.sessionIds[1] } },
      api.tokenFor(hub.principals.employerContact),
    );
    const toSchool = await sink.waitFor((m) => m.to.includes(hub.emails.schoolStaff) && kindOf(m) === 'booking_rescheduled');
    expect(icsField(ics(toSchool), 'UID')).toBe(`booking-${booking.id}@tandem`);
    expect(icsField(ics(toSchool), 'SEQUENCE')).toBe('3');
    expect(icsField(ics(toSchool), 'STATUS')).toBe('TENTATIVE');
    await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_rescheduled');
    const confirm = await sink.waitFor((m) => m.to.includes(hub.emails.schoolStaff) && kindOf(m) === 'booking_awaiting_school');
    expect(confirm.text).toContain('Aire Engineering Ltd has proposed a new time for Mock interviews with engineers');
    await api.ok(ACCEPT, { id: booking.id }, hub.tokens.schoolStaff);
    const reconfirmed = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_confirmed');
    expect(icsField(ics(reconfirmed), 'SEQUENCE')).toBe('4');
    expect(reconfirmed.subject).toContain('Confirmed');
    expect(reconfirmed.text).toContain('at its new time');

    // The old reminder's time comes: its job runs and sends nothing (it is about a time that no longer holds).
    sink.clear();
    await timeIs('2026-12-02T13:00:00Z');
    const oldReminder = await mailQueue.getJob(`mail.booking_reminder.${booking.id}.d7.v2`);
    expect(oldReminder?.returnvalue).toEqual({ sent: 0, alreadySent: 0 });
    const aboutThisBooking = (): SinkMessage[] => sink.messages.filter((m) => m.messageId?.includes(booking.id));
    expect(aboutThisBooking()).toEqual([]);
    // The new one is due 7 days before the new session, on Thursday 3 December, and goes then.
    expect(
      (await outboxRows(api, hub, `mail.booking_reminder.${booking.id}.d7.v4`)).map((r) => [r.available_at.toISOString(), r.status]),
    ).toEqual([['2026-12-03T13:00:00.000Z', 'pending']]);
    await timeIs('2026-12-03T13:00:00Z');
    expect(
      aboutThisBooking()
        .map((m) => [m.to[0], kindOf(m)])
        .sort(),
    ).toEqual(
      [
        [hub.emails.schoolStaff, 'booking_reminder'],
        [offer.contactEmail, 'booking_reminder'],
      ].sort(),
    );
  });

  it('cancelling withdraws the calendar event from both sides, tells the coordinator, and drops the reminders', async () => {
    const offer = await bookableOffer(api, hub, { days: [30] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    await confirmByLink(offer);
    const [reminder] = await outboxRows(api, hub, `mail.booking_reminder.${booking.id}.d1.v2`);
    sink.clear();
    const noReason = await api.gql(CANCEL, { id: booking.id, input: { reason: '  ' } }, hub.tokens.schoolStaff);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'REQUIRED', field: 'input.reason' });
    await api.ok(CANCEL, { id: booking.id, input: { reason: 'The school is closed for a staff training day' } }, hub.tokens.schoolStaff);
    for (const email of [hub.emails.schoolStaff, offer.contactEmail]) {
      const m = await sink.waitFor((x) => x.to.includes(email) && kindOf(x) === 'booking_cancelled');
      expect(icsField(ics(m), 'METHOD')).toBe('CANCEL');
      expect(icsField(ics(m), 'SEQUENCE')).toBe('3');
      expect(icsField(ics(m), 'UID')).toBe(`booking-${booking.id}@tandem`);
      expect(m.text).toContain('Reason given: The school is closed for a staff training day');
    }
    const toCoordinator = await sink.waitFor((x) => x.to.includes(hub.emails.coordinator) && kindOf(x) === 'booking_cancelled');
    expect(toCoordinator.attachments).toHaveLength(0);
    // The reminder's time comes and nothing is sent: its row was withdrawn with the booking, or its job finds nothing to do.
    await timeIs(reminder.available_at);
    expect(sink.messages.filter((m) => kindOf(m) === 'booking_reminder')).toEqual([]);
  });

  it('outside the hub’s sending hours a notice waits for the next opening and goes then, unless the session is within 48 hours', async () => {
    const SETTINGS = 'mutation($input: BookingSettingsInput!) { updateBookingSettings(input: $input) { sendFrom } }';
    await api.ok(SETTINGS, { input: { sendFrom: '09:00', sendUntil: '17:00', sendOnWeekends: false } }, hub.tokens.hubAdmin);
    try {
      // Friday 20 November 2026, 17:30 London: after hours, and the weekend follows.
      api.clock.set('2026-11-20T17:30:00Z');
      const offer = await bookableOffer(api, hub, { days: [40] });
      const booking = await requestSlot(api, hub, offer.sessionIds[0]);
      const requests = (): SinkMessage[] => mailTo(sink.messages, offer.contactEmail).filter((m) => kindOf(m) === 'booking_request');
      expect((await outboxRows(api, hub, `mail.booking_request.${booking.id}.v1`)).map((r) => r.available_at.toISOString())).toEqual([
        '2026-11-23T09:00:00.000Z',
      ]);
      await timeIs('2026-11-23T08:59:00Z');
      expect(requests()).toEqual([]);
      await timeIs('2026-11-23T09:00:00Z');
      expect(requests()).toHaveLength(1);

      // Saturday 21 November, 23:30: a session on Sunday afternoon is within 48 hours, so its request goes at once.
      api.clock.set('2026-11-21T23:30:00Z');
      const soon = await bookableOffer(api, hub, { days: [1] });
      const urgent = await requestSlot(api, hub, soon.sessionIds[0]);
      expect((await outboxRows(api, hub, `mail.booking_request.${urgent.id}.v1`)).map((r) => r.available_at.toISOString())).toEqual([
        '2026-11-21T23:30:00.000Z',
      ]);
      await settled();
      expect(mailTo(sink.messages, soon.contactEmail).map(kindOf)).toEqual(['booking_request']);
    } finally {
      await api.ok(SETTINGS, { input: { sendFrom: null, sendUntil: null, sendOnWeekends: null } }, hub.tokens.hubAdmin);
    }
  });

  it('a recipient who switched reminders off (from the link in an email) gets none; the other side still does', async () => {
    const offer = await bookableOffer(api, hub, { days: [35] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    const request = await sink.waitFor((m) => m.to.includes(offer.contactEmail));
    const prefsUrl = /(http:\/\/\S+\/email-preferences\?\S+)/.exec(request.text)?.[1];
    expect(prefsUrl).toBeDefined();
    const path = new URL(prefsUrl as string);
    const page = await fetch(`${api.url}${path.pathname}${path.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Your email choices</h1>');
    const saved = await fetch(`${api.url}${path.pathname}${path.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'receive=follow_ups&receive=nudges&receive=check_ins',
    });
    expect(await saved.text()).toContain('Saved.');
    const forged = await fetch(`${api.url}${path.pathname}${path.search.replace(/email=[^&]+/, 'email=someone.else%40example.test')}`);
    expect(forged.status).toBe(404);

    await confirmByLink(offer);
    const [reminder] = await outboxRows(api, hub, `mail.booking_reminder.${booking.id}.d7.v2`);
    sink.clear();
    await timeIs(reminder.available_at);
    expect(mailTo(sink.messages, hub.emails.schoolStaff).map(kindOf)).toEqual(['booking_reminder']);
    expect(mailTo(sink.messages, offer.contactEmail)).toEqual([]);
  });

  describe('in a hub of their own', () => {
    let other: HubFixture;
    const count = async (jobKey: string): Promise<number> =>
      (await asTenant<{ n: number }>(api, other, 'select count(*)::int as n from sent_emails where job_key = $1', [jobKey]))[0].n;

    beforeAll(async () => {
      other = await createHubFixture(api, 'nudges');
    });

    it('the daily scan nudges: a request unanswered for days (coordinator), vetting that lapses before an in-person session (coordinator and employer)', async () => {
      const offer = await bookableOffer(api, other, { days: [12, 14] });
      const waiting = await requestSlot(api, other, offer.sessionIds[0]);
      const booked = await requestSlot(api, other, offer.sessionIds[1]);
      await api.ok(ACCEPT, { id: booked.id }, api.tokenFor(other.principals.employerContact));
      await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'booking_confirmed');
      // Six days pass and the first has had no answer from the employer (the hub nudges after five).
      const scan = worker.app.get(NudgeScanService);
      api.clock.advance(5 * 86_400_000 - 60_000);
      expect(await scan.run(other.tenantId, api.clock.now())).toMatchObject({ unanswered: 0 });
      api.clock.advance(86_400_000 + 60_000);
      const result = await scan.run(other.tenantId, api.clock.now());
      expect(result).toMatchObject({ unanswered: 1, vetting: 1 });
      const unanswered = await sink.waitFor((m) => m.to.includes(other.emails.coordinator) && kindOf(m) === 'booking_unanswered');
      expect(unanswered.subject).toBe('Waiting for an answer: Mock interviews with engineers for Northfield Academy');
      expect(unanswered.text).toContain('has waited for Aire Engineering Ltd since');
      expect(unanswered.text).toContain(`http://admin.test/bookings/${waiting.id}`);
      const vetting = await sink.waitFor((m) => m.to.includes(offer.contactEmail) && kindOf(m) === 'vetting_expiring');
      expect(vetting.text).toContain('Safeguarding policy');
      await sink.waitFor((m) => m.to.includes(other.emails.coordinator) && kindOf(m) === 'vetting_expiring');
      await settled();
      expect(await count(`mail.booking_unanswered.${waiting.id}.v1`)).toBe(1);
      expect(await count(`mail.vetting_expiring.${booked.id}.v2`)).toBe(2);

      // The scan again the same day (or two workers running it): nothing new.
      await scan.run(other.tenantId, api.clock.now());
      await settled();
      expect(await count(`mail.booking_unanswered.${waiting.id}.v1`)).toBe(1);
      expect(await count(`mail.vetting_expiring.${booked.id}.v2`)).toBe(2);
    });

    it('the termly check-in goes once per employer per term, to its main contact', async () => {
      const scan = worker.app.get(NudgeScanService);
      // The check-in window for the autumn term opens on 1 July: the nightly scan on Friday 2 July 2027.
      const year = 2027;
      api.clock.set(`${year}-07-02T07:00:00Z`);
      const result = await scan.run(other.tenantId, api.clock.now());
      expect(result.checkIns).toBe(1);
      const [first] = await asTenant<{ email: string }>(
        api,
        other,
        `select email from employer_contacts where employer_id = $1 and archived_at is null order by created_at limit 1`,
        [other.employer.id],
      );
      const autumn = (x: SinkMessage): boolean => kindOf(x) === 'termly_check_in' && x.subject.includes(`autumn term ${year}`);
      const m = await sink.waitFor(autumn);
      expect(m.to).toEqual([first.email.toLowerCase()]);
      expect(m.subject).toBe(`What could Aire Engineering Ltd offer in the autumn term ${year}?`);
      expect(m.headers.get('reply-to')).toMatchObject({ text: other.emails.coordinator });
      api.clock.set(`${year}-07-03T07:00:00Z`);
      await scan.run(other.tenantId, api.clock.now());
      await settled();
      expect(sink.messages.filter(autumn)).toHaveLength(1);
      expect(await count(`mail.termly_check_in.${other.employer.id}.${year}-autumn`)).toBe(1);
    });
  });

  it('keeps exactly one nudge scheduler per hub however many workers start', async () => {
    const more = [await startTestWorker(api, { smtpUrl: sink.url }), await startTestWorker(api, { smtpUrl: sink.url })];
    try {
      const other = await createHubFixture(api, 'second');
      for (const w of [worker, ...more]) await w.app.get(NudgeSchedulers).sync();
      const queue = worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.nudges));
      const schedulers = await queue.getJobSchedulers(0, -1);
      const tenants = await api.db.systemDb.listTenants();
      expect(schedulers.map((s) => s.key).sort()).toEqual(tenants.map((t) => `nudges.${t.id}`).sort());
      expect(schedulers.map((s) => s.key)).toContain(`nudges.${other.tenantId}`);
      expect(schedulers.every((s) => s.pattern === '0 7 * * *' && s.tz === 'Europe/London')).toBe(true);
      expect(await queue.getJobSchedulersCount()).toBe(tenants.length);
      // One pending scan per hub, not one per worker.
      const delayed = await queue.getDelayed();
      expect(delayed.filter((j) => (j.data as { tenantId: string }).tenantId === hub.tenantId)).toHaveLength(1);
    } finally {
      for (const w of more) await w.close();
    }
  });

  it('a retried mail job after a successful send sends nothing again (the send log)', async () => {
    const offer = await bookableOffer(api, hub, { days: [45] });
    const booking = await requestSlot(api, hub, offer.sessionIds[0]);
    await sink.waitFor((m) => m.to.includes(offer.contactEmail));
    // The send is logged just after the server accepts it.
    await waitFor(
      async () =>
        (
          await asTenant<{ n: number }>(api, hub, 'select count(*)::int as n from sent_emails where job_key = $1', [
            `mail.booking_request.${booking.id}.v1`,
          ])
        )[0].n === 1,
      'the send log',
    );
    const processor = worker.app.get(MailProcessor, { strict: false });
    const retry = await asHub(() =>
      processor.process({
        id: `mail.booking_request.${booking.id}.v1`,
        name: 'mail',
        data: { tenantId: hub.tenantId, kind: 'booking_request', bookingId: booking.id, version: 1 },
      } as Job),
    );
    expect(retry).toEqual({ sent: 0, alreadySent: 1 });
    await settled();
    expect(mailTo(sink.messages, offer.contactEmail)).toHaveLength(1);
  });
});

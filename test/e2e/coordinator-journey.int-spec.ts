/**
 * The coordinator's journey, in a real browser against the real API, worker, PostgreSQL, Redis and
 * SMTP, run once with the product's clock (API, worker, database and the browser's) set to each of
 * the awkward times below. At each, the journey asserts what must happen then:
 *  1. the coordinator signs in and sees the heat map of their cluster (schools × year groups × BM5/BM6);
 *  2. the coordinator runs matching (a real run in the worker) and accepts the proposal it makes for
 *     a school's open request: it becomes a booking waiting for both sides;
 *  3. the request email to the employer waits for the hub's sending hours (weekdays 08:00–20:00,
 *     London): nothing a minute before the next opening, the email at it;
 *  4. the employer accepts from the link in the email, without logging in; the school confirms;
 *  5. the reminders 7 days and 1 day before go to both sides at their time, not a minute before;
 *  6. the clock moves past the session: the school marks it delivered, records the meaningful checklist
 *     and who attended on the encounter the booking became (which marks the booking recorded);
 *  7. the coordinator's heat map shows the school's year group moved, in the session's academic year;
 *  8. the employer sees the pupils it reached on its impact page;
 *  9. the other way to a booking: a school asks for a specific session of a posted offer itself.
 * Set-up through the API (as the demo's own users): the employer posts a virtual careers talk with one
 * session, and the school posts a request for it, for the year group furthest behind on Benchmark 5.
 * Each run is one test whose steps are named, so a failure names its step once. Screenshots of the
 * first run go to docs/screenshots/ with `npm run screenshots` (a temporary folder otherwise).
 */
import { getQueueToken } from '@nestjs/bullmq';
import { addDays, isoWeekday, londonWallClockToInstant, reminderTimes } from '@tandem/domain';
import { withDatabase } from '@tandem/persistence';
import { QUEUE_NAMES } from '@tandem/platform';
import { mailSettled, screenshotOf, seriousA11yViolations, superuserUrl, type SinkMessage } from '@tandem/test-support';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { NO_LOADING, signIn, type Stack, startStack } from './stack';

interface AwkwardTime {
  label: string;
  /** The product's clock when the journey starts. */
  at: string;
  /** When the employer's request email may first go: the hub's next sending-hours opening. */
  requestGoes: string;
  /** Screenshots from this run (one run writes them). */
  screenshots?: boolean;
}

const TIMES: AwkwardTime[] = [
  { label: 'Saturday 21 November 2026, 23:30', at: '2026-11-21T23:30:00Z', requestGoes: '2026-11-23T08:00:00Z', screenshots: true },
  { label: 'Monday 23 November 2026, 07:59', at: '2026-11-23T07:59:00Z', requestGoes: '2026-11-23T08:00:00Z' },
  { label: 'Friday 20 November 2026, 20:01', at: '2026-11-20T20:01:00Z', requestGoes: '2026-11-23T08:00:00Z' },
  // The clocks go back at 02:00 BST: 01:30 happens twice; this is the first (BST). The next opening is in GMT.
  {
    label: 'Sunday 25 October 2026, 01:30 BST, the night the clocks go back',
    at: '2026-10-25T00:30:00Z',
    requestGoes: '2026-10-26T08:00:00Z',
  },
  // The last minute of one academic year and the first of the next (08:00 BST = 07:00 UTC).
  { label: 'Monday 31 August 2026, 23:59 BST', at: '2026-08-31T22:59:00Z', requestGoes: '2026-09-01T07:00:00Z' },
  { label: 'Tuesday 1 September 2026, 00:00 BST', at: '2026-08-31T23:00:00Z', requestGoes: '2026-09-01T07:00:00Z' },
];

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken me { schoolId clusterId employerId } } }`;

interface Plan {
  coordinatorEmail: string;
  employerEmail: string;
  schoolId: string;
  schoolName: string;
  yearGroup: number;
  offerTitle: string;
  /** The session: a virtual careers talk at 15:30–16:15 London on a weekday at least nine days ahead. */
  sessionDay: string;
}

/** Runs `fn` as a named step of the journey: a failure says which step, once. */
async function step(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Error) err.message = `step "${name}": ${err.message}`;
    throw err;
  }
}

async function token(
  stack: Stack,
  email: string,
): Promise<{ accessToken: string; me: { schoolId: string | null; clusterId: string | null; employerId: string | null } }> {
  return (
    await stack.api.ok<{
      login: { accessToken: string; me: { schoolId: string | null; clusterId: string | null; employerId: string | null } };
    }>(LOGIN, { input: { email, password: stack.hub.password } })
  ).login;
}

/** Benchmark 5 "met of pupils" for a school's year group, as the ledger counts it now. */
async function bm5Met(stack: Stack, plan: Plan): Promise<number> {
  const staff = await token(stack, stack.login('school_staff'));
  const { schoolCoverage } = await stack.api.ok<{
    schoolCoverage: { byYearGroup: { yearGroup: number; figures: { benchmark: number; met: number }[] }[] };
  }>(
    `query($schoolId: ID!) { schoolCoverage(schoolId: $schoolId) { byYearGroup { yearGroup figures { benchmark met } } } }`,
    { schoolId: plan.schoolId },
    staff.accessToken,
  );
  return schoolCoverage.byYearGroup.find((y) => y.yearGroup === plan.yearGroup)?.figures.find((f) => f.benchmark === 5)?.met ?? 0;
}

async function setUp(stack: Stack): Promise<Plan> {
  const { api } = stack;
  const staff = await token(stack, stack.login('school_staff'));
  const schoolId = staff.me.schoolId as string;
  const { school } = await api.ok<{ school: { name: string; clusterId: string } }>(
    `query($id: ID!) { school(id: $id) { name clusterId } }`,
    { id: schoolId },
    staff.accessToken,
  );
  let coordinatorEmail = '';
  for (const i of [0, 1]) {
    const c = await token(stack, stack.login('coordinator', i));
    if (c.me.clusterId === school.clusterId) coordinatorEmail = stack.login('coordinator', i);
  }
  if (!coordinatorEmail) throw new Error('the demo hub has no coordinator for the school’s cluster');
  // The year group furthest behind on Benchmark 5 this year.
  const { schoolCoverage } = await api.ok<{
    schoolCoverage: { byYearGroup: { yearGroup: number; figures: { benchmark: number; gap: number }[] }[] };
  }>(
    `query($schoolId: ID!) { schoolCoverage(schoolId: $schoolId) { byYearGroup { yearGroup figures { benchmark gap } } } }`,
    { schoolId },
    staff.accessToken,
  );
  const gapOf = (y: { figures: { benchmark: number; gap: number }[] }) => y.figures.find((f) => f.benchmark === 5)?.gap ?? 0;
  const yearGroup = [...schoolCoverage.byYearGroup].sort((a, b) => gapOf(b) - gapOf(a))[0];
  if (!yearGroup || gapOf(yearGroup) === 0) throw new Error('the demo school has no pupils still missing Benchmark 5');

  // The employer (a demo log-in) posts a virtual careers talk with one session, late in a school day
  // at least nine days ahead (after every demo request's times, so nothing else competes for it).
  const employerEmail = stack.login('employer_contact');
  const employer = await token(stack, employerEmail);
  const { employer: e } = await api.ok<{ employer: { contacts: { id: string; email: string }[] } }>(
    `query($id: ID!) { employer(id: $id) { contacts { id email } } }`,
    { id: employer.me.employerId },
    employer.accessToken,
  );
  let sessionDay = addDays(stack.clock.today(), 9);
  while (isoWeekday(sessionDay) > 5) sessionDay = addDays(sessionDay, 1);
  const offerTitle = 'How we build bridges: a careers talk';
  await api.ok(
    'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
    {
      input: {
        employerId: employer.me.employerId,
        contactId: (e.contacts.find((c) => c.email.toLowerCase() === employerEmail.toLowerCase()) ?? e.contacts[0])?.id,
        title: offerTitle,
        activityType: 'careers_talk',
        format: 'virtual',
        durationMinutes: 45,
        pupilsPerSession: 30,
        sessionsAvailable: 2,
        yearGroups: [yearGroup.yearGroup],
        status: 'published',
        availabilityWindows: [],
        sessions: [
          {
            startsAt: londonWallClockToInstant(sessionDay, '15:30').toISOString(),
            endsAt: londonWallClockToInstant(sessionDay, '16:15').toISOString(),
          },
        ],
      },
    },
    employer.accessToken,
  );
  // The school asks for a talk for that year group, that afternoon.
  await api.ok(
    'mutation($input: CreateRequestInput!) { createRequest(input: $input) { id } }',
    {
      input: {
        schoolId,
        activityType: 'careers_talk',
        yearGroup: yearGroup.yearGroup,
        pupilCount: Math.min(20, gapOf(yearGroup)),
        formats: ['virtual'],
        windows: [
          {
            startsAt: londonWallClockToInstant(sessionDay, '15:00').toISOString(),
            endsAt: londonWallClockToInstant(sessionDay, '17:00').toISOString(),
          },
        ],
      },
    },
    staff.accessToken,
  );
  return { coordinatorEmail, employerEmail, schoolId, schoolName: school.name, yearGroup: yearGroup.yearGroup, offerTitle, sessionDay };
}

/** The heat-map cell of a school, year group and benchmark: its text ("46%", "—"). */
async function heatCell(page: Page, school: string, yearGroup: number, benchmark: number): Promise<string> {
  const cell = page.locator(`.heatmap td[title^="${school}, Year ${yearGroup}, Benchmark ${benchmark}:"]`);
  await cell.waitFor();
  return (await cell.textContent())?.trim() ?? '';
}

async function cellTitle(page: Page, school: string, yearGroup: number, benchmark: number): Promise<string> {
  return (await page.locator(`.heatmap td[title^="${school}, Year ${yearGroup}, Benchmark ${benchmark}:"]`).getAttribute('title')) ?? '';
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(NO_LOADING, undefined, { timeout: 30_000 });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const met = (title: string): number => Number(/: (\d+) of/.exec(title)?.[1]);

describe.each(TIMES)('the coordinator’s journey with the clock at $label', (time) => {
  let stack: Stack;
  let plan: Plan;

  beforeAll(async () => {
    stack = await startStack({ at: time.at });
    plan = await setUp(stack);
  }, 180_000);

  afterAll(() => stack?.close());

  it('runs from the heat map through matching, the held email, the encounter and the counts', async () => {
    const { page, admin, hub, api, sink } = stack;
    const screenshot = async (name: string): Promise<void> => {
      if (time.screenshots) await stack.browser.screenshot(name);
    };
    const mailQueue = stack.worker.app.get<Queue>(getQueueToken(QUEUE_NAMES.mail));
    let bookingUrl = '';

    await step('1. the coordinator sees the heat map of their cluster', async () => {
      await signIn(page, admin.url, plan.coordinatorEmail, hub.password);
      await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor();
      await page.locator('.heatmap').waitFor({ timeout: 30_000 });
      await ready(page);
      expect(await cellTitle(page, plan.schoolName, plan.yearGroup, 5)).toMatch(/: \d+ of \d+ pupils/);
      expect(await heatCell(page, plan.schoolName, plan.yearGroup, 5)).toMatch(/^(\d+%|—)$/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot('coordinator-cockpit');
    });

    await step('2. the coordinator runs matching and accepts the proposal for the school, with its reasons in view', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
      await page.getByRole('heading', { level: 1, name: 'Matching' }).waitFor();
      await ready(page);
      await page.getByRole('button', { name: 'Run matching' }).click();
      // The worker reads the hub, solves and saves; the page polls the run until its proposals show.
      const proposals = page.getByRole('table', { name: 'Proposals, most worth first' });
      await proposals.waitFor({ timeout: 30_000 });
      await page.getByText(/^Proven optimal: /).waitFor();
      const who = `${plan.schoolName}, Year ${plan.yearGroup}`;
      const row = proposals.getByRole('row', { name: new RegExp(escape(who)) });
      const reasons = page.getByRole('list', { name: `Why this proposal: ${who}` });
      await reasons.waitFor();
      expect(await reasons.textContent()).toMatch(
        new RegExp(`closes the benchmark-5 gap for \\d+ (of the \\d+ )?Year ${plan.yearGroup} pupils at ${escape(plan.schoolName)}`),
      );
      expect(await reasons.textContent()).toContain('virtual, so nobody travels');
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('Careers talk with');
      await ready(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot('coordinator-matching');
      await page.getByRole('button', { name: `Accept: ${who}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^1 proposal accepted: each is a booking now/ })
        .waitFor();
      const open = page.getByRole('link', { name: 'Open the booking' }).first();
      await open.waitFor();
      await open.click();
      await page.getByText('Waiting for both sides').first().waitFor();
      bookingUrl = page.url();
      expect(bookingUrl).toMatch(new RegExp(`^${escape(admin.url)}/#/bookings/[0-9a-f-]{36}$`));
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    const isRequest = (m: SinkMessage): boolean =>
      m.headers.get('x-tandem-kind') === 'booking_request' && m.text.includes('/bookings/respond/') && m.text.includes(plan.schoolName);
    let request: SinkMessage | undefined;
    await step(`3. the request email waits for the hub's sending hours and goes at ${time.requestGoes}, not a minute before`, async () => {
      await mailSettled(api.db, mailQueue);
      expect(sink.messages.filter(isRequest)).toEqual([]);
      await stack.setTime(new Date(Date.parse(time.requestGoes) - 60_000));
      await mailSettled(api.db, mailQueue);
      expect(sink.messages.filter(isRequest)).toEqual([]);
      await stack.setTime(time.requestGoes);
      request = await sink.waitFor(isRequest, 30_000);
      await mailSettled(api.db, mailQueue);
      expect(sink.messages.filter(isRequest)).toHaveLength(1);
    });

    await step('4. the employer accepts from the link in the email, without logging in; the school confirms', async () => {
      const accept = /(http:\/\/127\.0\.0\.1:\d+\/bookings\/respond\/[^\s"<>]+)/.exec(request?.text ?? '')?.[1];
      expect(accept).toBeDefined();
      const context = await stack.newContext();
      const employerPage = await context.newPage();
      try {
        await employerPage.goto(accept as string);
        await employerPage.getByRole('heading', { name: 'Accept this request?' }).waitFor();
        await employerPage.getByRole('button', { name: 'Accept' }).click();
        await employerPage
          .getByRole('heading', { level: 1 })
          .filter({ hasText: /accepted|confirmed|Thank/i })
          .waitFor();
        if (time.screenshots) await screenshotOf(employerPage, 'employer-accepted-from-email');
      } finally {
        await context.close();
      }
      await signIn(page, admin.url, stack.login('school_staff'), hub.password);
      await page.goto(bookingUrl);
      await page.getByText('Waiting for the school').first().waitFor();
      await page.getByRole('button', { name: 'Accept', exact: true }).click();
      await page.getByText('Confirmed', { exact: true }).first().waitFor();
      expect(await page.getByRole('list').filter({ hasText: 'accept by employer (from the email link)' }).count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    await step('5. the reminders 7 days and 1 day before go to both sides at their time, not a minute before', async () => {
      const bookingId = /bookings\/([0-9a-f-]{36})/.exec(bookingUrl)?.[1] as string;
      const planned = reminderTimes(
        londonWallClockToInstant(plan.sessionDay, '15:30'),
        [7, 1],
        { from: '08:00', until: '20:00', weekends: false },
        stack.clock.now(),
      );
      expect(planned.map((r) => r.daysBefore)).toEqual([7, 1]);
      for (const { daysBefore, sendAt } of planned) {
        const reminders = (): SinkMessage[] =>
          sink.messages.filter(
            (m) =>
              m.headers.get('x-tandem-kind') === 'booking_reminder' &&
              m.messageId?.includes(`.${bookingId}.`) &&
              m.messageId.includes(`.d${daysBefore}.`),
          );
        await stack.setTime(new Date(sendAt.getTime() - 60_000));
        await mailSettled(api.db, mailQueue);
        expect(reminders()).toEqual([]);
        await stack.setTime(sendAt);
        await mailSettled(api.db, mailQueue);
        // To the employer contact the request went to, and to the school.
        expect(
          reminders()
            .map((m) => m.to[0])
            .sort(),
        ).toEqual([request?.to[0], stack.login('school_staff').toLowerCase()].sort());
      }
    });

    let metBefore = 0;
    await step(
      '6. after the session, the school marks it delivered, ticks the checklist and records who attended on the encounter the booking became',
      async () => {
        const bookingId = /bookings\/([0-9a-f-]{36})/.exec(bookingUrl)?.[1] as string;
        // The session takes place: the clock moves to a quarter of an hour after it ends.
        await stack.setTime(londonWallClockToInstant(plan.sessionDay, '16:30'));
        metBefore = await bm5Met(stack, plan);
        const db = new Client({ connectionString: withDatabase(superuserUrl(), api.db.name) });
        await db.connect();
        try {
          await page.goto(bookingUrl);
          await page.reload();
          await page.getByRole('button', { name: 'It took place' }).click();
          await page.getByRole('link', { name: 'Record attendance and the checklist' }).click();
          await page.getByRole('heading', { name: 'Who attended', exact: true }).waitFor();
          await ready(page);
          expect(page.url()).toMatch(/#\/encounters\/[0-9a-f-]{36}$/);
          // One encounter for the booking: the one it became, not a second one logged by hand.
          const encounters = await db.query(`select id, to_char(occurred_on, 'YYYY-MM-DD') as date from encounters where booking_id = $1`, [
            bookingId,
          ]);
          expect(encounters.rows).toEqual([{ id: /encounters\/([0-9a-f-]{36})/.exec(page.url())?.[1], date: plan.sessionDay }]);
          for (const label of [
            'The purpose was shared with the employer and the pupils',
            'There were clear learning outcomes',
            'Pupils talked with the employer, not only listened',
            'Pupils had time to reflect afterwards',
          ])
            await page.getByLabel(label).check();
          await page.getByRole('button', { name: 'Save checklist' }).click();
          await page.getByRole('button', { name: /^Tick all \d+ on this page$/ }).click();
          await page.getByRole('button', { name: /^Record \d+ pupils?$/ }).click();
          await page
            .getByRole('status')
            .filter({ hasText: /added;/ })
            .waitFor();
          await page.getByText('BM5 counts').first().waitFor();
          expect(await seriousA11yViolations(page)).toEqual([]);
          await screenshot('school-attendance');
          const state = await db.query(`select state from bookings where id = $1`, [bookingId]);
          expect(state.rows[0]).toEqual({ state: 'recorded' });
        } finally {
          await db.end();
        }
      },
    );

    await step('7. the coordinator’s heat map has moved for that school and year group', async () => {
      await signIn(page, admin.url, plan.coordinatorEmail, hub.password);
      await page.locator('.heatmap').waitFor({ timeout: 30_000 });
      await ready(page);
      expect(met(await cellTitle(page, plan.schoolName, plan.yearGroup, 5))).toBeGreaterThan(metBefore);
      // A cell opens its gap list (priority groups first), and a pupil's own record.
      await page
        .getByRole('button', {
          name: new RegExp(`^${escape(plan.schoolName)}, Year ${plan.yearGroup}, Benchmark 6: .*Show who is waiting$`),
        })
        .click();
      const gaps = page.getByRole('table', { name: new RegExp(`Pupils still waiting for Benchmark 6, Year ${plan.yearGroup}`) });
      await gaps.waitFor();
      await gaps
        .getByRole('button', { name: /show the pupil’s record/ })
        .first()
        .click();
      await gaps
        .getByText(/^Benchmark 6/)
        .first()
        .waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot('coordinator-heatmap-after');
    });

    await step('8. the employer sees the pupils it reached on its impact page', async () => {
      await signIn(page, admin.url, plan.employerEmail, hub.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Impact' }).click();
      await page.getByText('pupils reached').waitFor({ timeout: 30_000 });
      const reached = Number(
        (await page.locator('.headline__figure').filter({ hasText: 'pupils reached' }).locator('.headline__value').textContent())?.replace(
          /,/g,
          '',
        ),
      );
      expect(reached).toBeGreaterThan(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot('employer-impact');
    });

    await step('9. the other way to a booking: the school asks for a specific session of a posted offer', async () => {
      const staff = await token(stack, stack.login('school_staff'));
      const { school } = await api.ok<{ school: { lowestYearGroup: number; highestYearGroup: number } }>(
        `query($id: ID!) { school(id: $id) { lowestYearGroup highestYearGroup } }`,
        { id: staff.me.schoolId },
        staff.accessToken,
      );
      const { offers } = await api.ok<{
        offers: {
          nodes: { id: string; title: string; yearGroups: number[]; sessions: { startsAt: string; status: string; capacity: number }[] }[];
        };
      }>(
        `{ offers(first: 100, filter: { status: "published" }) { nodes { id title yearGroups sessions { startsAt status capacity } } } }`,
        {},
        staff.accessToken,
      );
      const soon = new Date(stack.clock.now().getTime() + 3_600_000).toISOString();
      const offer = offers.nodes.find(
        (o) =>
          o.yearGroups.some((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup) &&
          o.sessions.some((s) => s.status === 'open' && s.startsAt > soon && s.capacity >= 10),
      );
      if (!offer) throw new Error('the demo hub has no open session for the school to ask for');
      const yearGroup = offer.yearGroups.find((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup) as number;
      await signIn(page, admin.url, stack.login('school_staff'), hub.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a session' }).click();
      await ready(page);
      await page.goto(`${admin.url}/#/offers/${offer.id}`);
      await page.getByRole('heading', { level: 1, name: offer.title }).waitFor();
      await page
        .getByRole('button', { name: /^Ask for this session/ })
        .first()
        .click();
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send request' }) });
      await form.getByLabel('Year group').selectOption(String(yearGroup));
      await form.getByLabel('Pupils', { exact: true }).fill('10');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot('school-request-session');
      await form.getByRole('button', { name: 'Send request' }).click();
      await page.getByText('Waiting for the employer').waitFor();
      expect(page.url()).toMatch(/#\/bookings\/[0-9a-f-]{36}$/);
    });
  }, 300_000);
});

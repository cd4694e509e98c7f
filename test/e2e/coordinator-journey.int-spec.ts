/**
 * The journey, in a real browser against the real API, worker, PostgreSQL, Redis and SMTP:
 *  1. the coordinator signs in and sees the heat map of their cluster (schools × year groups × BM5/BM6);
 *  2. the coordinator runs matching (a real run in the worker) and accepts the proposal it makes for
 *     a school's open request: it becomes a booking waiting for both sides;
 *  3. the employer accepts from the link in the email, without logging in; the school confirms;
 *  4. (the session takes place: the test moves the booking into the past)
 *  5. the school marks it delivered: the booking has become an encounter, on which the school records
 *     the meaningful checklist and who attended (which marks the booking recorded);
 *  6. the coordinator's heat map shows the school's year group moved;
 *  7. the employer sees the pupils it reached on its impact page;
 *  8. the other way to a booking: a school asks for a specific session of a posted offer itself.
 * Set-up through the API (as the demo's own users): the employer posts a virtual careers talk with one
 * session, and the school posts a request for it, for the year group furthest behind on Benchmark 5.
 * Screenshots of each step go to docs/screenshots/ with `npm run screenshots` (a temporary folder otherwise).
 */
import { addDays, londonWallClockToInstant } from '@tandem/domain';
import { withDatabase } from '@tandem/persistence';
import { screenshotOf, seriousA11yViolations, superuserUrl } from '@tandem/test-support';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { londonToday, NO_LOADING, signIn, type Stack, startStack } from './stack';

let stack: Stack;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken me { schoolId clusterId employerId } } }`;

interface Plan {
  coordinatorEmail: string;
  employerEmail: string;
  schoolName: string;
  yearGroup: number;
  offerTitle: string;
}

let plan: Plan;

beforeAll(async () => {
  stack = await startStack();
  const { api, hub } = stack;
  const token = async (email: string) =>
    (await api.ok<{ login: { accessToken: string; me: { schoolId: string | null; clusterId: string | null; employerId: string | null } } }>(LOGIN, { input: { email, password: hub.password } })).login;
  const staff = await token(stack.login('school_staff'));
  const schoolId = staff.me.schoolId as string;
  const { school } = await api.ok<{ school: { name: string; clusterId: string } }>(`query($id: ID!) { school(id: $id) { name clusterId } }`, { id: schoolId }, staff.accessToken);
  let coordinatorEmail = '';
  for (const i of [0, 1]) {
    const c = await token(stack.login('coordinator', i));
    if (c.me.clusterId === school.clusterId) coordinatorEmail = stack.login('coordinator', i);
  }
  // The year group furthest behind on Benchmark 5 this year.
  const { schoolCoverage } = await api.ok<{ schoolCoverage: { byYearGroup: { yearGroup: number; figures: { benchmark: number; gap: number }[] }[] } }>(
    `query($schoolId: ID!) { schoolCoverage(schoolId: $schoolId) { byYearGroup { yearGroup figures { benchmark gap } } } }`,
    { schoolId },
    staff.accessToken,
  );
  const gapOf = (y: { figures: { benchmark: number; gap: number }[] }) => y.figures.find((f) => f.benchmark === 5)?.gap ?? 0;
  const yearGroup = [...schoolCoverage.byYearGroup].sort((a, b) => gapOf(b) - gapOf(a))[0];
  if (!yearGroup || gapOf(yearGroup) === 0) throw new Error('the demo school has no pupils still missing Benchmark 5');

  // The employer (a demo log-in) posts a virtual careers talk with one session, late in a school day
  // nine days from now (after every demo request's times, so nothing else competes for it).
  const employerEmail = stack.login('employer_contact');
  const employer = await token(employerEmail);
  const { employer: e } = await api.ok<{ employer: { contacts: { id: string; email: string }[] } }>(`query($id: ID!) { employer(id: $id) { contacts { id email } } }`, { id: employer.me.employerId }, employer.accessToken);
  let day = addDays(londonToday(), 9);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
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
        sessions: [{ startsAt: londonWallClockToInstant(day, '15:30').toISOString(), endsAt: londonWallClockToInstant(day, '16:15').toISOString() }],
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
        windows: [{ startsAt: londonWallClockToInstant(day, '15:00').toISOString(), endsAt: londonWallClockToInstant(day, '17:00').toISOString() }],
      },
    },
    staff.accessToken,
  );
  if (!coordinatorEmail) throw new Error('the demo hub has no coordinator for the school’s cluster');
  plan = { coordinatorEmail, employerEmail, schoolName: school.name, yearGroup: yearGroup.yearGroup, offerTitle };
}, 180_000);

afterAll(() => stack?.close());

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

let before = '';

it('1. the coordinator sees the heat map of their cluster, worst school first', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, plan.coordinatorEmail, hub.password);
  await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor();
  await page.locator('.heatmap').waitFor({ timeout: 30_000 });
  await ready(page);
  before = await cellTitle(page, plan.schoolName, plan.yearGroup, 5);
  expect(before).toMatch(/: \d+ of \d+ pupils/);
  expect(await heatCell(page, plan.schoolName, plan.yearGroup, 5)).toMatch(/^(\d+%|—)$/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('coordinator-cockpit');
});

let bookingUrl = '';

it('2. the coordinator runs matching and accepts the proposal for the school, with its reasons in view', async () => {
  const { page, admin } = stack;
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
  expect(await reasons.textContent()).toMatch(new RegExp(`closes the benchmark-5 gap for \\d+ (of the \\d+ )?Year ${plan.yearGroup} pupils at ${escape(plan.schoolName)}`));
  expect(await reasons.textContent()).toContain('virtual, so nobody travels');
  expect(await row.count()).toBe(1);
  expect(await row.textContent()).toContain('Careers talk with');
  await ready(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('coordinator-matching');
  await page.getByRole('button', { name: `Accept: ${who}` }).click();
  await page.getByRole('status').filter({ hasText: /^1 proposal accepted: each is a booking now/ }).waitFor();
  const open = page.getByRole('link', { name: 'Open the booking' }).first();
  await open.waitFor();
  await open.click();
  await page.getByText('Waiting for both sides').first().waitFor();
  bookingUrl = page.url();
  expect(bookingUrl).toMatch(new RegExp(`^${escape(admin.url)}/#/bookings/[0-9a-f-]{36}$`));
  expect(await seriousA11yViolations(page)).toEqual([]);
});

it('3. the employer accepts from the link in the email, without logging in; the school confirms', async () => {
  const { sink, browser, page: app, admin, hub } = stack;
  const email = await sink.waitFor((m) => m.headers.get('x-tandem-kind') === 'booking_request' && m.text.includes('/bookings/respond/') && m.text.includes(plan.schoolName), 30_000);
  const accept = /(http:\/\/127\.0\.0\.1:\d+\/bookings\/respond\/[^\s"<>]+)/.exec(email.text)?.[1];
  expect(accept).toBeDefined();
  const context = await browser.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  try {
    await page.goto(accept as string);
    await page.getByRole('heading', { name: 'Accept this request?' }).waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /accepted|confirmed|Thank/i }).waitFor();
    await screenshotOf(page, 'employer-accepted-from-email');
  } finally {
    await context.close();
  }
  await signIn(app, admin.url, stack.login('school_staff'), hub.password);
  await app.goto(bookingUrl);
  await app.getByText('Waiting for the school').first().waitFor();
  await app.getByRole('button', { name: 'Accept', exact: true }).click();
  await app.getByText('Confirmed', { exact: true }).first().waitFor();
  expect(await app.getByRole('list').filter({ hasText: 'accept by employer (from the email link)' }).count()).toBe(1);
  expect(await seriousA11yViolations(app)).toEqual([]);
});

it('4–5. after the session, the school marks it delivered, ticks the checklist and records who attended on the encounter the booking became', async () => {
  const { page, api } = stack;
  const bookingId = /bookings\/([0-9a-f-]{36})/.exec(bookingUrl)?.[1] as string;
  // The session takes place: move it to yesterday afternoon.
  const db = new Client({ connectionString: withDatabase(superuserUrl(), api.db.name) });
  await db.connect();
  try {
    await db.query(`update bookings set starts_at = date_trunc('day', now()) - interval '1 day' + interval '13 hours', ends_at = date_trunc('day', now()) - interval '1 day' + interval '14 hours' where id = $1`, [bookingId]);
    await page.goto(bookingUrl);
    await page.reload();
    await page.getByRole('button', { name: 'It took place' }).click();
    await page.getByRole('link', { name: 'Record attendance and the checklist' }).click();
    await page.getByRole('heading', { name: 'Who attended', exact: true }).waitFor();
    await ready(page);
    expect(page.url()).toMatch(/#\/encounters\/[0-9a-f-]{36}$/);
    // One encounter for the booking: the one it became, not a second one logged by hand.
    const encounters = await db.query(`select id from encounters where booking_id = $1`, [bookingId]);
    expect(encounters.rows.map((r: { id: string }) => r.id)).toEqual([/encounters\/([0-9a-f-]{36})/.exec(page.url())?.[1]]);
    for (const label of ['The purpose was shared with the employer and the pupils', 'There were clear learning outcomes', 'Pupils talked with the employer, not only listened', 'Pupils had time to reflect afterwards']) await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Save checklist' }).click();
    await page.getByRole('button', { name: /^Tick all \d+ on this page$/ }).click();
    await page.getByRole('button', { name: /^Record \d+ pupils?$/ }).click();
    await page.getByRole('status').filter({ hasText: /added;/ }).waitFor();
    await page.getByText('BM5 counts').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await stack.browser.screenshot('school-attendance');
    const state = await db.query(`select state from bookings where id = $1`, [bookingId]);
    expect(state.rows[0]).toEqual({ state: 'recorded' });
  } finally {
    await db.end();
  }
});

it('6. the coordinator’s heat map has moved for that school and year group', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, plan.coordinatorEmail, hub.password);
  await page.locator('.heatmap').waitFor({ timeout: 30_000 });
  await ready(page);
  const after = await cellTitle(page, plan.schoolName, plan.yearGroup, 5);
  const met = (t: string) => Number(/: (\d+) of/.exec(t)?.[1]);
  expect(met(after)).toBeGreaterThan(met(before));
  // A cell opens its gap list (priority groups first), and a pupil's own record.
  await page.getByRole('button', { name: new RegExp(`^${escape(plan.schoolName)}, Year ${plan.yearGroup}, Benchmark 6: .*Show who is waiting$`) }).click();
  const gaps = page.getByRole('table', { name: new RegExp(`Pupils still waiting for Benchmark 6, Year ${plan.yearGroup}`) });
  await gaps.waitFor();
  await gaps.getByRole('button', { name: /show the pupil’s record/ }).first().click();
  await gaps.getByText(/^Benchmark 6/).first().waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('coordinator-heatmap-after');
});

it('7. the employer sees the pupils it reached on its impact page', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, plan.employerEmail, hub.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Impact' }).click();
  await page.getByText('pupils reached').waitFor({ timeout: 30_000 });
  const reached = Number((await page.locator('.headline__figure').filter({ hasText: 'pupils reached' }).locator('.headline__value').textContent())?.replace(/,/g, ''));
  expect(reached).toBeGreaterThan(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('employer-impact');
});

it('8. the other way to a booking: the school asks for a specific session of a posted offer', async () => {
  const { page, admin, hub, api } = stack;
  const staff = (await api.ok<{ login: { accessToken: string; me: { schoolId: string } } }>(LOGIN, { input: { email: stack.login('school_staff'), password: hub.password } })).login;
  const { school } = await api.ok<{ school: { lowestYearGroup: number; highestYearGroup: number } }>(`query($id: ID!) { school(id: $id) { lowestYearGroup highestYearGroup } }`, { id: staff.me.schoolId }, staff.accessToken);
  const { offers } = await api.ok<{ offers: { nodes: { id: string; title: string; yearGroups: number[]; sessions: { startsAt: string; status: string; capacity: number }[] }[] } }>(
    `{ offers(first: 100, filter: { status: "published" }) { nodes { id title yearGroups sessions { startsAt status capacity } } } }`,
    {},
    staff.accessToken,
  );
  const soon = new Date(Date.now() + 3_600_000).toISOString();
  const offer = offers.nodes.find((o) => o.yearGroups.some((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup) && o.sessions.some((s) => s.status === 'open' && s.startsAt > soon && s.capacity >= 10));
  if (!offer) throw new Error('the demo hub has no open session for the school to ask for');
  const yearGroup = offer.yearGroups.find((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup) as number;
  await signIn(page, admin.url, stack.login('school_staff'), hub.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a session' }).click();
  await ready(page);
  await page.goto(`${admin.url}/#/offers/${offer.id}`);
  await page.getByRole('heading', { level: 1, name: offer.title }).waitFor();
  await page.getByRole('button', { name: /^Ask for this session/ }).first().click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send request' }) });
  await form.getByLabel('Year group').selectOption(String(yearGroup));
  await form.getByLabel('Pupils', { exact: true }).fill('10');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('school-request-session');
  await form.getByRole('button', { name: 'Send request' }).click();
  await page.getByText('Waiting for the employer').waitFor();
  expect(page.url()).toMatch(/#\/bookings\/[0-9a-f-]{36}$/);
});

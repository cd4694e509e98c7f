/**
 * The journey, in a real browser against the real API, worker, PostgreSQL, Redis and SMTP:
 *  1. the coordinator signs in and sees the heat map of their cluster (schools × year groups × BM5/BM6);
 *  2. the school's Careers Leader asks for a specific session of a posted offer;
 *  3. the employer accepts from the link in the email, without logging in;
 *  4. (the session takes place: the test moves the booking into the past)
 *  5. the school marks it delivered, records the meaningful checklist and who attended;
 *  6. the coordinator's heat map shows the school's year group moved;
 *  7. the employer sees the pupils it reached on its impact page.
 * Screenshots of each step go to docs/screenshots/.
 */
import { withDatabase } from '@tandem/persistence';
import { screenshotOf, seriousA11yViolations, superuserUrl } from '@tandem/test-support';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { NO_LOADING, signIn, type Stack, startStack } from './stack';

let stack: Stack;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken me { schoolId clusterId employerId } } }`;

interface Plan {
  coordinatorEmail: string;
  employerEmail: string;
  schoolName: string;
  offer: { id: string; title: string };
  session: { id: string; startsAt: string };
  yearGroup: number;
}

let plan: Plan;

beforeAll(async () => {
  stack = await startStack();
  const { api, hub } = stack;
  const token = async (email: string) =>
    (await api.ok<{ login: { accessToken: string; me: { schoolId: string | null; clusterId: string | null; employerId: string | null } } }>(LOGIN, { input: { email, password: hub.password } })).login;
  const staff = await token(stack.login('school_staff'));
  const { school } = await api.ok<{ school: { name: string; clusterId: string; lowestYearGroup: number; highestYearGroup: number } }>(`query($id: ID!) { school(id: $id) { name clusterId lowestYearGroup highestYearGroup } }`, { id: staff.me.schoolId }, staff.accessToken);
  let coordinatorEmail = '';
  for (const i of [0, 1]) {
    const c = await token(stack.login('coordinator', i));
    if (c.me.clusterId === school.clusterId) coordinatorEmail = stack.login('coordinator', i);
  }
  // A published offer of an employer with a log-in, with an open session ahead, for a year group the school teaches.
  const { offers } = await api.ok<{ offers: { nodes: { id: string; title: string; employerId: string; yearGroups: number[]; sessions: { id: string; startsAt: string; status: string; capacity: number }[] }[] } }>(
    `{ offers(first: 100, filter: { status: "published" }) { nodes { id title employerId yearGroups sessions { id startsAt status capacity } } } }`,
    {},
    staff.accessToken,
  );
  const employers = new Map<string, string>();
  for (const i of [0, 1]) {
    const e = await token(stack.login('employer_contact', i));
    if (e.me.employerId) employers.set(e.me.employerId, stack.login('employer_contact', i));
  }
  const now = new Date(Date.now() + 3_600_000).toISOString();
  for (const o of offers.nodes) {
    const yearGroup = o.yearGroups.find((y) => y >= school.lowestYearGroup && y <= school.highestYearGroup);
    const session = o.sessions.filter((s) => s.status === 'open' && s.startsAt > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    const employerEmail = employers.get(o.employerId);
    if (yearGroup && session && employerEmail && !plan) plan = { coordinatorEmail, employerEmail, schoolName: school.name, offer: { id: o.id, title: o.title }, session, yearGroup };
  }
  if (!plan || !coordinatorEmail) throw new Error('the demo hub has no offer session or coordinator for the journey');
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

it('2. the school asks for a specific session of the offer', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, stack.login('school_staff'), hub.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a session' }).click();
  await ready(page);
  await page.goto(`${admin.url}/#/offers/${plan.offer.id}`);
  await page.getByRole('heading', { level: 1, name: plan.offer.title }).waitFor();
  await page.getByRole('button', { name: /^Ask for this session/ }).first().click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send request' }) });
  await form.getByLabel('Year group').selectOption(String(plan.yearGroup));
  await form.getByLabel('Pupils', { exact: true }).fill('10');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('school-request-session');
  await form.getByRole('button', { name: 'Send request' }).click();
  await page.getByText('Waiting for the employer').waitFor();
  bookingUrl = page.url();
  expect(bookingUrl).toMatch(/#\/bookings\/[0-9a-f-]{36}$/);
});

it('3. the employer accepts from the link in the email, without logging in', async () => {
  const { sink, browser } = stack;
  const email = await sink.waitFor((m) => m.text.includes('/bookings/respond/') && m.text.includes(plan.schoolName), 30_000);
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
  const { page: app } = stack;
  await app.goto(bookingUrl);
  await app.reload();
  await app.getByText('Confirmed', { exact: true }).first().waitFor();
  expect(await app.getByRole('list').filter({ hasText: 'accept by employer (from the email link)' }).count()).toBe(1);
  expect(await seriousA11yViolations(app)).toEqual([]);
});

it('4–5. after the session, the school marks it delivered, ticks the checklist and records who attended', async () => {
  const { page, api } = stack;
  const bookingId = /bookings\/([0-9a-f-]{36})/.exec(bookingUrl)?.[1] as string;
  // The session takes place: move it to yesterday afternoon.
  const db = new Client({ connectionString: withDatabase(superuserUrl(), api.db.name) });
  await db.connect();
  try {
    await db.query(`update bookings set starts_at = date_trunc('day', now()) - interval '1 day' + interval '13 hours', ends_at = date_trunc('day', now()) - interval '1 day' + interval '14 hours' where id = $1`, [bookingId]);
  } finally {
    await db.end();
  }
  await page.goto(bookingUrl);
  await page.reload();
  await page.getByRole('button', { name: 'It took place' }).click();
  await page.getByRole('link', { name: 'Record attendance and the checklist' }).click();
  await ready(page);
  // A delivered booking becomes an encounter (or is logged as one, pre-filled from the booking).
  const logButton = page.getByRole('button', { name: 'Log encounter' });
  if (await logButton.isVisible()) {
    for (const label of ['The purpose was shared with the employer and the pupils', 'There were clear learning outcomes', 'Pupils talked with the employer, not only listened', 'Pupils had time to reflect afterwards']) await page.getByLabel(label).check();
    await logButton.click();
  } else {
    for (const label of ['The purpose was shared with the employer and the pupils', 'There were clear learning outcomes', 'Pupils talked with the employer, not only listened', 'Pupils had time to reflect afterwards']) await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Save checklist' }).click();
  }
  await page.getByRole('heading', { name: 'Who attended', exact: true }).waitFor();
  await ready(page);
  await page.getByRole('button', { name: /^Tick all \d+ on this page$/ }).click();
  await page.getByRole('button', { name: /^Record \d+ pupils?$/ }).click();
  await page.getByRole('status').filter({ hasText: /added;/ }).waitFor();
  await page.getByText('BM5 counts').first().waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('school-attendance');
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
  await page.getByRole('button', { name: new RegExp(`^${plan.schoolName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, Year ${plan.yearGroup}, Benchmark 6: .*Show who is waiting$`) }).click();
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

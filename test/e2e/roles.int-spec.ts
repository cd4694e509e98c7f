/**
 * Every role signs in through the real log-in form (API, worker, PostgreSQL, Redis, the admin app in
 * Vite, headless Chromium), sees its own navigation, and every main page it can open loads with no
 * serious or critical accessibility violation (axe-core).
 */
import { seriousA11yViolations } from '@tandem/test-support';
import { navLabels, NO_LOADING, signIn, signOut, type Stack, startStack } from './stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 180_000);

afterAll(() => stack?.close());

const NAV = {
  platform_admin: ['Hubs'],
  hub_admin: [
    'Dashboard',
    'Schools',
    'Clusters',
    'People',
    'Employers',
    'Offers',
    'Requests',
    'Matching',
    'Bookings',
    'Encounters',
    'Pupils',
    'Settings',
  ],
  coordinator: ['Cockpit', 'Schools', 'Requests', 'Offers', 'Matching', 'Bookings', 'Encounters', 'Employers', 'People'],
  school_staff: ['Progress', 'Encounters', 'Pupils', 'Find a session', 'Requests', 'Bookings'],
  employer_contact: ['Requests and bookings', 'Your offers', 'Your organisation', 'Impact'],
} as const;

const SCREENSHOT: Partial<Record<keyof typeof NAV, string>> = {
  hub_admin: 'hub-admin-dashboard',
  school_staff: 'school-progress',
  employer_contact: 'employer-bookings',
  platform_admin: 'platform-hubs',
};

/** Opens every page of the navigation; returns axe's serious/critical findings per page. */
async function visitEveryPage(labels: readonly string[]): Promise<Record<string, string[]>> {
  const { page } = stack;
  const findings: Record<string, string[]> = {};
  for (const label of labels) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Wait until the page's data has arrived (no "Loading…" status left).
    await page.waitForFunction(NO_LOADING, undefined, { timeout: 20_000 });
    const violations = await seriousA11yViolations(page);
    if (violations.length) findings[label] = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.join(', ')})`);
  }
  return findings;
}

it.each(Object.keys(NAV) as (keyof typeof NAV)[])('%s signs in, sees its navigation, and its pages pass axe', async (role) => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, stack.login(role), hub.password);
  expect(await navLabels(page)).toEqual(NAV[role]);
  expect(await page.getByRole('banner').textContent()).toContain(
    role === 'platform_admin' ? 'Platform admin' : 'Greater Manchester Careers Hub',
  );
  expect(await visitEveryPage(NAV[role])).toEqual({});
  const shot = SCREENSHOT[role];
  if (shot) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
    await page.waitForFunction(NO_LOADING, undefined, { timeout: 20_000 });
    await stack.browser.screenshot(shot);
  }
  await signOut(page);
});

it('refuses a wrong password with the message next to the form, and keeps the email typed', async () => {
  const { page, admin } = stack;
  await page.goto(admin.url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('login');
  await page.getByLabel('Email address').fill(stack.login('coordinator'));
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /password/i });
  await alert.waitFor();
  expect(await page.getByLabel('Email address').inputValue()).toBe(stack.login('coordinator'));
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('login-error');
});

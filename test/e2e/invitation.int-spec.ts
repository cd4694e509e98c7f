/**
 * A hub admin invites an Enterprise Coordinator from the People page; the email arrives at the SMTP
 * sink through the outbox, the worker and BullMQ; the invitee opens the link in their own browser
 * (a path, not a hash route), sets a password and lands signed in on the coordinator's cockpit.
 * The same link opened again says it has been used.
 */
import { screenshotOf, seriousA11yViolations } from '@tandem/test-support';
import { navLabels, signIn, startStack, type Stack } from './stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: { schools: 2, employers: 3, requests: 2, pupilsPerYearGroup: 4 } });
}, 180_000);

afterAll(() => stack?.close());

it('hub admin invites a coordinator; the invitee accepts from the email and lands on their cockpit', async () => {
  const { page, admin, hub, sink } = stack;
  const invitee = 'new.coordinator@e2e.example.org';
  await signIn(page, admin.url, stack.login('hub_admin'), hub.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();

  // The form says what is wrong next to the field before anything is sent.
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill('not-an-email');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await form.getByText('Enter an email address like name@school.org.uk').waitFor();
  expect(await form.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');

  await form.getByLabel('Email address').fill(invitee);
  await form.getByLabel('Role').selectOption({ label: 'Enterprise Coordinator' });
  await form.getByLabel('Cluster').selectOption({ index: 2 });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Invitation sent to ${invitee}` })
    .waitFor();
  await page
    .getByRole('row', { name: new RegExp(invitee) })
    .getByText('pending')
    .waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('hub-admin-people');

  const email = await sink.waitFor((m) => m.to.includes(invitee), 20_000);
  const link = new RegExp(`${admin.url.replace(/[.:/]/g, '\\$&')}/invitations/accept\\?token=[A-Za-z0-9_.%-]+`).exec(email.text)?.[0];
  expect(link).toBeDefined();

  // The invitee, in their own browser session.
  const context = await stack.browser.browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
  });
  const invitePage = await context.newPage();
  try {
    await invitePage.goto(link as string);
    await invitePage.getByRole('heading', { name: 'Join Greater Manchester Careers Hub' }).waitFor();
    expect(await invitePage.locator('.facts').textContent()).toContain('Enterprise Coordinator');
    expect(await seriousA11yViolations(invitePage)).toEqual([]);
    await invitePage.getByLabel('Your name').fill('Nia Coordinator');
    await invitePage.getByLabel('Choose a password').fill('short');
    await invitePage.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitePage.getByText(/Use at least 12 characters/).waitFor();
    await screenshotOf(invitePage, 'invitation-accept');
    await invitePage.getByLabel('Choose a password').fill('a long enough pass phrase');
    await invitePage.getByLabel('Type the password again').fill('a long enough pass phrase');
    await invitePage.getByRole('button', { name: 'Set password and sign in' }).click();

    await invitePage.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor();
    expect(new URL(invitePage.url()).pathname).toBe('/');
    expect(await navLabels(invitePage)).toEqual([
      'Cockpit',
      'Schools',
      'Requests',
      'Offers',
      'Matching',
      'Bookings',
      'Encounters',
      'Employers',
      'People',
    ]);
    expect(await invitePage.getByRole('banner').textContent()).toContain('Nia Coordinator');

    // The link works once.
    await invitePage.evaluate('sessionStorage.clear()');
    await invitePage.goto(link as string);
    await invitePage.getByRole('heading', { name: 'This invitation has already been used' }).waitFor();
  } finally {
    await context.close();
  }
});

/**
 * Password reset and change in the browser (issue 14): a user who forgot their password asks for a
 * link on the sign-in page, the email arrives through the outbox and the worker, the link opens a
 * page to choose a new one, and the new password signs in. A signed-in user changes their password
 * on "Your account"; the session they had in another browser ends on its next request.
 */
import { seriousA11yViolations } from '@tandem/test-support';
import { signIn, startStack, type Stack } from './stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: { schools: 2, employers: 3, requests: 2, pupilsPerYearGroup: 4 } });
}, 180_000);

afterAll(() => stack?.close());

it('forgot password: link by email, new password, signed in with it', async () => {
  const { page, admin, sink } = stack;
  const email = stack.login('coordinator');
  await page.goto(admin.url);
  await page.getByRole('button', { name: 'Forgotten your password?' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();

  const message = await sink.waitFor((m) => m.to.includes(email) && m.subject === 'Reset your Tandem password', 20_000);
  const link = new RegExp(`${admin.url.replace(/[.:/]/g, '\\$&')}/password-reset\\?token=[A-Za-z0-9_.%-]+`).exec(message.text)?.[0];
  expect(link).toBeDefined();
  await page.goto(link as string);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByText(/Use at least 12 characters/).waitFor();
  await page.getByLabel('New password', { exact: true }).fill('a fresh reset passphrase');
  await page.getByLabel('Type it again').fill('a fresh reset passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
  await page.getByRole('button', { name: 'Go to sign in' }).click();
  await signIn(page, admin.url, email, 'a fresh reset passphrase');
  await page.getByRole('heading', { level: 1, name: 'Cockpit' }).waitFor();
});

it('change password on Your account: the other browser’s session ends', async () => {
  const { admin, hub } = stack;
  const email = stack.login('school_staff');
  const contexts = await Promise.all([0, 1].map(() => stack.browser.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' })));
  try {
    const [here, elsewhere] = await Promise.all(contexts.map((c) => c.newPage()));
    if (!here || !elsewhere) throw new Error('no pages');
    await signIn(here, admin.url, email, hub.password);
    await signIn(elsewhere, admin.url, email, hub.password);
    await here.getByRole('link', { name: 'Your account' }).click();
    await here.getByLabel('Current password').fill(hub.password);
    await here.getByLabel('New password', { exact: true }).fill('a changed passphrase 7');
    await here.getByLabel('Type the new password again').fill('a changed passphrase 7');
    await here.getByRole('button', { name: 'Change password' }).click();
    await here.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
    expect(await seriousA11yViolations(here)).toEqual([]);
    // The other browser's next request fails, its refresh too: it is back at sign-in.
    await elsewhere.reload();
    await elsewhere.getByRole('heading', { name: 'Sign in' }).waitFor();
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

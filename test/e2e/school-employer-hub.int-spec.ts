/**
 * The other users' work, in a real browser on the real stack:
 *  - a school imports pupils from an MIS file with two bad rows: the rows are listed by line and
 *    nothing is saved; it freezes a snapshot and downloads the CSV report;
 *  - an employer posts an offer with availability and adds a session;
 *  - the coordinator posts a request for a school and proposes that session for it;
 *  - the hub admin records a vetting document (a wrong date is refused next to the field), changes
 *    and resets the matching weights, and adding a school whose URN is taken shows the API's message
 *    next to the URN.
 * Each main page and form is checked with axe-core.
 */
import { pupilCsv } from '@tandem/api-testing';
import { seriousA11yViolations, step } from '@tandem/test-support';
import type { Page } from 'playwright-core';
import { NO_LOADING, signIn, type Stack, startStack } from './stack';
import { academicYearOf, addDays } from '@tandem/domain';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: { schools: 2, employers: 3, requests: 2, pupilsPerYearGroup: 6 } });
}, 180_000);

afterAll(() => stack?.close());

async function go(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForFunction(NO_LOADING, undefined, { timeout: 30_000 });
}

/** `n` days from the product's today (London). */
function inDays(n: number): string {
  return addDays(stack.clock.today(), n);
}

it('a school import with two bad rows lists them by line and saves nothing; snapshots and the CSV report', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, stack.login('school_staff'), hub.password);
  await go(page, 'Pupils');
  const onRoll = await page.getByText(/^Page 1 · \d+ pupils in all$|^\d+ pupils$/).textContent();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'mis-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      pupilCsv({ academicYear: academicYearOf(stack.clock.today()), rows: 30, badLines: [5, 17], yearGroups: [7, 11], prefix: 'E2E' }),
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  const problems = page.getByRole('table', { name: /Rows with problems/ });
  await problems.waitFor({ timeout: 30_000 });
  expect(await problems.locator('tbody th').allTextContents()).toEqual(['5', '17']);
  await page.getByText('2 problems found, so nothing was saved.', { exact: false }).waitFor();
  expect(await page.getByText(/^Page 1 · \d+ pupils in all$|^\d+ pupils$/).textContent()).toBe(onRoll);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stack.browser.screenshot('school-pupil-import-errors');

  await go(page, 'Progress');
  await page.getByRole('button', { name: 'Freeze a snapshot today' }).click();
  await page.getByRole('status').filter({ hasText: 'Snapshot frozen as of' }).waitFor();
  await page.getByRole('table', { name: 'Frozen snapshots' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download today’s report (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const path = await download.path();
  const text = path ? (await import('node:fs')).readFileSync(path, 'utf8') : '';
  expect(text.split('\n')[0]).toContain('Reference');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

// One journey, one test: the coordinator proposes the very session the employer added, so a failure
// in the employer's part is reported once (by its step), not again as a missing session.
it('an employer posts an offer and adds a session; the coordinator posts a request for a school and proposes that session', async () => {
  const { page, admin, hub } = stack;
  const offerTitle = 'Virtual mock interviews with our graduate recruiters';
  /** The day of the session the employer adds and the coordinator's request asks for: three weeks on. */
  const sessionDay = inDays(21);

  await step('the employer posts an offer with availability, then adds a session', async () => {
    await signIn(page, admin.url, stack.login('employer_contact'), hub.password);
    await go(page, 'Your offers');
    await page.getByRole('link', { name: 'Post an offer' }).click();
    const form = page.getByRole('form', { name: 'Post an offer' });
    await form.getByRole('button', { name: 'Post offer' }).click();
    // Checked before anything is sent, each message next to its field.
    await form.getByText('Give the offer a title', { exact: false }).waitFor();
    await form.getByText('Choose at least one year group').waitFor();
    await form.getByLabel('Title').fill(offerTitle);
    await form.getByLabel('Activity').selectOption({ label: 'Mock interviews' });
    await form.getByLabel('Where').selectOption({ label: 'Virtual' });
    for (const y of ['Year 10', 'Year 11']) await form.getByLabel(y, { exact: true }).check();
    await form.getByRole('button', { name: 'Add a window' }).click();
    const window1 = form.getByRole('group', { name: 'Availability window 1' });
    await window1.getByLabel('From').fill(inDays(7));
    await window1.getByLabel('Until').fill(inDays(60));
    await window1.getByLabel('Start time').fill('13:00');
    await window1.getByLabel('End time').fill('16:00');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await stack.browser.screenshot('employer-post-offer');
    await form.getByRole('button', { name: 'Post offer' }).click();
    await page.getByRole('heading', { level: 1, name: offerTitle }).waitFor();
    const session = page.getByRole('form', { name: 'Add a session' });
    await session.getByLabel('Date').fill(sessionDay);
    await session.getByLabel('Starts (UK time)').fill('13:30');
    await session.getByLabel('Ends').fill('15:00');
    await session.getByRole('button', { name: 'Add session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session added.' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Sessions' }).locator('tbody tr');
    await sessions.first().waitFor();
    expect(await sessions.count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  await step('the coordinator posts a request for a school and proposes the employer’s session for it', async () => {
    await signIn(page, admin.url, stack.login('coordinator'), hub.password);
    await go(page, 'Requests');
    const form = page.getByRole('form', { name: 'Ask for a session' });
    await form.getByLabel('School', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Activity').selectOption({ label: 'Mock interviews' });
    await form.getByLabel('Year group').selectOption({ label: 'Year 10' });
    await form.getByLabel('Pupils', { exact: true }).fill('20');
    await form.getByLabel('Virtual').check();
    const when = form.getByRole('group', { name: 'Time 1' });
    await when.getByLabel('Date').fill(sessionDay);
    await when.getByLabel('From').fill('13:00');
    await when.getByLabel('Until').fill('16:00');
    await form.getByRole('button', { name: 'Post request' }).click();
    await page.getByRole('status').filter({ hasText: 'The request was posted' }).waitFor();
    await page
      .getByRole('button', { name: /^Find a session for .*Year 10$/ })
      .first()
      .click();
    const propose = page.getByRole('button', { name: new RegExp(`^Propose .* on `) });
    await propose.first().waitFor({ timeout: 30_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await stack.browser.screenshot('coordinator-propose');
    await propose.first().click();
    await page.getByText('Waiting for both sides').first().waitFor();
    expect(page.url()).toMatch(/#\/bookings\/[0-9a-f-]{36}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}, 180_000);

it('the hub admin records a vetting document, sets matching weights and adds a school: wrong dates, numbers and a taken URN are refused next to their fields', async () => {
  const { page, admin, hub } = stack;
  await signIn(page, admin.url, stack.login('hub_admin'), hub.password);
  await go(page, 'Employers');
  await page.getByRole('table', { name: 'Employers' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Vetting', exact: true }).waitFor();
  const form = page.getByRole('form', { name: 'Record a vetting document' });
  await form.getByLabel('Document', { exact: true }).selectOption({ label: 'Health and safety check' });
  await form.getByLabel('Checked on').fill(stack.clock.today());
  await form.getByLabel('Expires on').fill(inDays(-10));
  await form.getByRole('button', { name: 'Record document' }).click();
  await form.getByText('The expiry date must be after the date it was checked').waitFor();
  expect(await form.getByLabel('Expires on').getAttribute('aria-invalid')).toBe('true');
  await form.getByLabel('Expires on').fill(inDays(400));
  await form.getByLabel('Document reference').fill('HS-2026-001');
  await form.getByRole('button', { name: 'Record document' }).click();
  await page.getByRole('status').filter({ hasText: 'Vetting document recorded.' }).waitFor();
  await page.getByRole('cell', { name: 'HS-2026-001' }).waitFor();
  // Who recorded it, and when (issue 14: nothing showed it).
  const recorded = (await page.getByRole('row', { name: /HS-2026-001/ }).textContent()) ?? '';
  expect(recorded).toContain('Passed');
  expect(recorded).not.toContain('Unknown');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // An employer sends its documents for review; it cannot say they passed.
  await signIn(page, admin.url, stack.login('employer_contact'), hub.password);
  await go(page, 'Your organisation');
  const declare = page.getByRole('form', { name: 'Send a vetting document for review' });
  await declare.waitFor();
  expect(await declare.getByLabel('Outcome').count()).toBe(0);
  await signIn(page, admin.url, stack.login('hub_admin'), hub.password);

  // Matching weights: a bad number is refused next to its field; a saved one is what the hub keeps; reset brings back the default.
  await go(page, 'Settings');
  const weights = page.getByRole('form', { name: 'Matching weights' });
  const perKm = weights.getByLabel('Cost of each km of travel');
  expect(await perKm.inputValue()).toBe('0.5');
  await perKm.fill('300');
  await weights.getByRole('button', { name: 'Save weights' }).click();
  await weights.getByText('Enter a number from 0 to 100').waitFor();
  expect(await perKm.getAttribute('aria-invalid')).toBe('true');
  await perKm.fill('2.5');
  await weights.getByRole('button', { name: 'Save weights' }).click();
  await page.getByRole('status').filter({ hasText: 'Matching weights saved.' }).waitFor();
  await page.reload();
  await page.waitForFunction(NO_LOADING, undefined, { timeout: 30_000 });
  expect(await page.getByRole('form', { name: 'Matching weights' }).getByLabel('Cost of each km of travel').inputValue()).toBe('2.5');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('form', { name: 'Matching weights' }).getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByRole('status').filter({ hasText: 'Matching weights reset to their defaults.' }).waitFor();
  expect(await page.getByRole('form', { name: 'Matching weights' }).getByLabel('Cost of each km of travel').inputValue()).toBe('0.5');

  // A server-side refusal lands next to the field it names: a URN already in the hub.
  await go(page, 'Schools');
  const urn = (await page.getByRole('table', { name: 'Schools' }).locator('tbody tr').first().locator('td').first().textContent()) ?? '';
  const add = page.getByRole('form', { name: 'Add a school' });
  await add.getByLabel('URN').fill(urn);
  await add.getByLabel('Name', { exact: true }).fill('Duplicate Academy');
  await add.getByLabel('Postcode').fill('M1 1AA');
  await add.getByLabel('Cluster').selectOption({ index: 1 });
  await add.getByRole('button', { name: 'Add school' }).click();
  await add.getByText(`A school with URN ${urn} is already in this hub`).waitFor();
  expect(await add.getByLabel('URN').getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate('document.activeElement && document.activeElement.name')).toBe('urn');
  expect(await seriousA11yViolations(page)).toEqual([]);

  for (const [label, heading] of [
    ['Settings', 'Settings'],
    ['Clusters', 'Clusters'],
    ['Encounters', 'Encounters'],
  ] as const) {
    await go(page, label);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await page.goto(`${admin.url}/#/encounters/new`);
  await page.getByRole('heading', { level: 1, name: 'Log an encounter' }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

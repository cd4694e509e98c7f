/**
 * The whole product for an end-to-end test: a real SMTP sink, the API and the worker (through their
 * test harnesses, on a fresh cloned database and a unique Redis prefix), the admin app in Vite's dev
 * server, a seeded demo hub with a log-in per role, and headless Chromium.
 *
 * The app's port is chosen first so that links in emails (PUBLIC_APP_URL, and PUBLIC_API_URL for the
 * API's own Accept / Decline pages, which the app's dev server proxies) open in the browser as a
 * user would open them.
 */
import { ManualClock } from '@tandem/domain';
import { startTestApi, type TestApi } from '@tandem/api-testing';
import { seedDemoHub, type DemoSeedResult } from '@tandem/features';
import {
  launchBrowser,
  reservePort,
  startAdminApp,
  startSmtpSink,
  TEST_START,
  type AdminApp,
  type SmtpSink,
  type TestBrowser,
} from '@tandem/test-support';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';

export interface Stack {
  sink: SmtpSink;
  api: TestApi;
  worker: TestWorker;
  admin: AdminApp;
  browser: TestBrowser;
  page: Page;
  hub: DemoSeedResult;
  /** The product's clock (API, worker, database); the browser's clock follows it through `setTime`. */
  clock: ManualClock;
  /** Moves the product's clock and every browser context of the stack to `instant`. */
  setTime(instant: Date | string): Promise<void>;
  /** A fresh browser context (another person's browser, no session) at the stack's time. */
  newContext(): Promise<BrowserContext>;
  /** Email of the demo log-in with this role (the first, when there are several). */
  login(role: 'platform_admin' | 'hub_admin' | 'coordinator' | 'school_staff' | 'employer_contact', index?: number): string;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Where the product's clock (and the browser's) starts: default TEST_START, a weekday morning in term. */
  at?: Date | string;
  seed?: Partial<Parameters<typeof seedDemoHub>[1]>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const parts: { close(): Promise<void> }[] = [];
  const clock = new ManualClock(options.at ?? TEST_START);
  const contexts: BrowserContext[] = [];
  try {
    const sink = await startSmtpSink();
    parts.push(sink);
    // Held until the app starts, so no other server of a parallel test file takes it meanwhile.
    const reserved = await reservePort();
    parts.push({ close: reserved.release });
    const port = reserved.port;
    const appUrl = `http://127.0.0.1:${port}`;
    const env = { PUBLIC_APP_URL: appUrl, PUBLIC_API_URL: appUrl };
    const api = await startTestApi({ smtpUrl: sink.url, env, clock });
    parts.push(api);
    const worker = await startTestWorker(api, { smtpUrl: sink.url, env, relay: { pollIntervalMs: 50 } });
    parts.push(worker);
    const hub = await seedDemoHub(api.db.appDataSource, {
      clock,
      slug: `e2e-${randomBytes(3).toString('hex')}`,
      schools: 4,
      pupilsPerYearGroup: 12,
      employers: 8,
      requests: 8,
      ...options.seed,
    });
    await reserved.release();
    const admin = await startAdminApp({ apiUrl: api.url, port });
    parts.push(admin);
    const browser = await launchBrowser();
    parts.push(browser);
    // Date in the page is the product's time; timers still run (the app's polling keeps working).
    await browser.context.clock.setFixedTime(clock.now());
    contexts.push(browser.context);
    return {
      sink,
      api,
      worker,
      admin,
      browser,
      page: browser.page,
      hub,
      clock,
      async setTime(instant) {
        clock.set(instant);
        for (const context of contexts) await context.clock.setFixedTime(clock.now());
      },
      async newContext() {
        const context = await browser.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
        await context.clock.setFixedTime(clock.now());
        contexts.push(context);
        context.on('close', () => contexts.splice(contexts.indexOf(context), 1));
        return context;
      },
      login(role, index = 0) {
        const found = hub.logins.filter((l) => l.role === role)[index];
        if (!found) throw new Error(`the demo hub has no log-in #${index} for ${role}`);
        return found.email;
      },
      async close() {
        for (const part of parts.reverse()) await part.close().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const part of parts.reverse()) await part.close().catch(() => undefined);
    throw err;
  }
}

/** Signs in through the log-in form and waits for the app's main navigation. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  // Start signed out whatever the previous step left: the app resumes a session from sessionStorage.
  await page.goto(`${baseUrl}/#/`);
  const form = page.getByLabel('Email address');
  const logOut = page.getByRole('button', { name: 'Log out' });
  await form.or(logOut).first().waitFor();
  if (await logOut.isVisible()) await signOut(page);
  await form.fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** For page.waitForFunction: true once no "Loading…" status is left on the page (all its data has arrived). */
export const NO_LOADING = `!document.querySelector('.loading')`;

/** The labels of the main navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
}

/**
 * Headless Chromium for end-to-end tests and screenshots: Debian's `chromium` driven by
 * playwright-core (no browser download).
 *
 *   const b = await launchBrowser();
 *   await b.page.goto('http://localhost:5173');
 *   await b.screenshot('login');            // docs/screenshots/login.png (with SCREENSHOTS=1)
 *   await b.close();
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); SCREENSHOTS=1 (`npm run screenshots`) writes the
 * screenshots into docs/screenshots/. Otherwise they go to a temporary folder: every run still
 * renders and saves them (a page that cannot be captured fails the test), but an ordinary test run
 * leaves the committed images alone.
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SCREENSHOT_DIR =
  process.env['SCREENSHOTS'] === '1' ? path.join(__dirname, '..', '..', 'docs', 'screenshots') : path.join(tmpdir(), 'tandem-screenshots');

/** Full-page PNG of any page (e.g. a second browser context's) at SCREENSHOT_DIR/<name>.png. */
export async function screenshotOf(page: Page, name: string): Promise<string> {
  if (!/^[\w-]+$/.test(name)) throw new Error(`screenshot name must be letters, digits, _ or - (got "${name}")`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Full-page PNG at SCREENSHOT_DIR/<name>.png; returns the path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  executablePath?: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  const executablePath = options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  let browser: Browser;
  try {
    // Playwright gives every launch() a fresh temporary --user-data-dir and deletes it on close
    // (it refuses a --user-data-dir in args; only launchPersistentContext takes one, and that
    // returns no Browser).
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(
      `Could not start Chromium at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH): ${(err as Error).message}`,
    );
  }
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    screenshot: (name) => screenshotOf(page, name),
    async close() {
      await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

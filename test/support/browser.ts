import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './test-app';

/** Debian's Chromium (installed by .ci/run); browser tests skip, saying so, where it is missing. */
export const CHROMIUM_PATH = process.env.RASIL_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  console.warn(`Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (install the Debian package "chromium"; .ci/run does).`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Flags from the machine notes: without the background-networking ones Chromium keeps dialling out here.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh app listening on a free loopback port, and a Chromium to drive it; `close` tears both down. */
export async function startBrowserApp(): Promise<{ t: TestApp; browser: Browser; base: string }> {
  const t = createTestApp();
  t.app.listen({ port: 0, hostname: '127.0.0.1' });
  return { t, browser: await launchBrowser(), base: `http://127.0.0.1:${t.app.server!.port}` };
}

/** Stops the browser and the app; open SSE streams are cut (stop(true)) so teardown never waits on them. */
export async function closeBrowserApp({ t, browser }: { t: TestApp; browser: Browser }) {
  await browser.close();
  await t.app.stop(true);
  t.cleanup();
}

/**
 * A fresh browser context signed in through the real login form. `problems` collects page errors and console errors
 * (4xx answers aside, which htmx 4 swaps on purpose) so a test can assert the page ran cleanly.
 */
export async function signedInPage(
  browser: Browser,
  base: string,
  login: { email: string; password: string },
  { viewport }: { viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  await page.goto(`${base}/login`);
  await page.fill('#field-email', login.email);
  await page.fill('#field-password', login.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);
  return { page, problems };
}

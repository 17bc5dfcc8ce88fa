import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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

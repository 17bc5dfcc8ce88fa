import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { seedReportData } from './report-fixtures';

/** The reports page in real Chromium: the heatmap SVG draws its cells, with no CSP or script errors. */
let t: TestApp;
let browser: Browser;
let base: string;
let login: { email: string; password: string };

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  await seedReportData(t);
  t.clock.set(Date.UTC(2026, 10, 25, 23, 0, 0));
  login = await t.signedIn('analyst', { name: 'Nora' });
}, 60_000);
afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowserApp({ t, browser });
});

describe.skipIf(!hasChromium)('reports in a real browser', () => {
  setDefaultTimeout(30_000);

  test('an analyst opens the reports and the heatmap renders its cells', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/login`);
    await page.fill('#field-email', login.email);
    await page.fill('#field-password', login.password);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);
    await page.goto(`${base}/reports?from=2026-11-24&to=2026-11-25`);
    const heatmap = page.locator('svg[data-testid="heatmap"]');
    await heatmap.waitFor();
    expect(await heatmap.locator('rect.heat-cell').count()).toBe(168);
    expect(await heatmap.locator('rect.heat-cell[data-count="1"]').count()).toBe(5);
    const box = await heatmap.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    const busy = await heatmap.locator('rect.heat-cell[data-count="1"]').first().evaluate((el) => getComputedStyle(el).fill);
    expect(busy).not.toBe('none');
    expect(await page.locator('table[data-testid="overview"]').innerText()).toContain('Conversations opened');
    expect(problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { seedInbox } from '../conversations/inbox-fixtures';
import { seedRule, seedTeam, setDefaultTeam } from './routing-fixtures';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
});
afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowserApp({ t, browser });
});

describe.skipIf(!hasChromium)('the routing test box in a real browser', () => {
  setDefaultTimeout(30_000);
  test('answers in place with htmx, without leaving the page or breaking the CSP', async () => {
    const { inboxId } = seedInbox(t, 'Main number');
    setDefaultTeam(t, inboxId, seedTeam(t, 'Support'));
    seedRule(t, { name: 'Refunds', keywords: 'استرجاع, refund', team_id: seedTeam(t, 'Billing') });
    const { email, password } = await t.signedIn('admin');
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${base}/login`);
    await page.fill('#field-email', email);
    await page.fill('#field-password', password);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);
    await page.goto(`${base}/settings/routing`);
    await page.fill('#trial-message', 'أريد الاسترجاع');
    let fullPageLoads = 0;
    page.on('load', () => fullPageLoads++);
    await page.click('#routing-test button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#routing-test-result')?.textContent?.includes('Billing'));
    expect(await page.textContent('#routing-test-result')).toContain('This message would go to Billing by the rule “Refunds”: the message mentions “استرجاع”.');
    expect(fullPageLoads).toBe(0);
    expect(await page.inputValue('#trial-message')).toBe('أريد الاسترجاع');
    if (process.env.ROUTING_SCREENSHOT) await page.screenshot({ path: process.env.ROUTING_SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { seedInbox } from '../conversations/inbox-fixtures';

/** The auto-reply editor in real Chromium: the counter and the bubble preview live in public/app.js. */
let t: TestApp;
let browser: Browser;
let base: string;
let login: { email: string; password: string };
let inboxId: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  login = await t.signedIn('admin');
  ({ inboxId } = seedInbox(t, 'Sweet Shop'));
});
afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowserApp({ t, browser });
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${base}/login`);
  await page.fill('#field-email', login.email);
  await page.fill('#field-password', login.password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/conversations'), page.click('form[action="/login"] button[type=submit]')]);
  await page.goto(`${base}${path}`);
  return { page, problems };
}

describe.skipIf(!hasChromium)('auto-reply editor in a real browser', () => {
  setDefaultTimeout(30_000);

  test('counts as the admin types, warns past 150 and flags past 256, and mirrors the text into the bubble as text', async () => {
    const { page, problems } = await open(`/settings/automation/${inboxId}`);
    await page.fill('#field-welcomeEn', '<b>Hi</b> ' + 'x'.repeat(150));
    expect(await page.textContent('#field-welcomeEn-count')).toBe('160 / 256');
    expect(await page.getAttribute('#field-welcomeEn-count', 'class')).toContain('near-limit');
    expect(await page.textContent('#preview-welcomeEn .auto-preview-text')).toStartWith('<b>Hi</b> ');
    expect(await page.$('#preview-welcomeEn b')).toBeNull();
    await page.fill('#field-welcomeEn', 'y'.repeat(257));
    expect(await page.getAttribute('#field-welcomeEn-count', 'class')).toContain('over-limit');
    expect(problems).toEqual([]);
  });

  test('the out-of-hours preview puts in the next opening where {opening} is written', async () => {
    const { page, problems } = await open(`/settings/automation/${inboxId}`);
    await page.fill('#field-outOfHoursEn', 'Closed now. {opening} Thanks!');
    expect(await page.textContent('#preview-outOfHoursEn .auto-preview-text')).toBe('Closed now. We open again tomorrow at 09:00. Thanks!');
    expect(problems).toEqual([]);
  });

  test('the keyword rule preview shows the reply buttons as they are typed', async () => {
    const { page, problems } = await open(`/settings/automation/${inboxId}/rules/new`);
    await page.fill('#field-reply1En', 'Cakes start at 10 SAR.');
    await page.fill('#field-button2En', 'Order now');
    expect(await page.textContent('#preview-rule-en .auto-preview-text')).toBe('Cakes start at 10 SAR.');
    expect(await page.$$eval('#preview-rule-en .auto-preview-buttons li:not([hidden])', (items) => items.map((li) => li.textContent))).toEqual(['Order now']);
    expect(problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { calendars } from '../../src/business-hours/calendars/calendars.tables';
import { findCalendarDefinition } from '../../src/business-hours/calendars/calendars.repository';

/** The calendar editor in real Chromium: with script off every button is a plain form post; with it on, a boosted one. */
setDefaultTimeout(30_000);

let t: TestApp;
let browser: Browser;
let base: string;
let admin: { email: string; password: string };

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  admin = await t.signedIn('admin');
});
afterAll(async () => {
  if (hasChromium) await closeBrowserApp({ t, browser });
});

describe.skipIf(!hasChromium)('the calendar editor in a browser', () => {
  test('a preset, an added overnight row and a holiday save as one calendar', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${base}/login`);
    await page.fill('#field-email', admin.email);
    await page.fill('#field-password', admin.password);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);

    await page.goto(`${base}/settings/calendars/new`);
    await page.fill('#field-name', 'Support hours');
    await page.selectOption('#field-timeZone', 'Asia/Riyadh');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="preset:mon-fri"]')]);
    await page.waitForSelector('input[name="friday_0_end"][value="18:00"]');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="add:saturday"]')]);
    await page.fill('input[name="saturday_0_start"]', '22:00');
    await page.fill('input[name="saturday_0_end"]', '06:00');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="addHoliday"]')]);
    await page.fill('input[name="holiday_0_from"]', '2026-09-23');
    await page.check('input[name="holiday_0_yearly"]');
    await page.fill('input[name="holiday_0_name"]', 'National Day');
    // Enter in a text field must save, not fill a preset.
    await Promise.all([page.waitForURL((url) => url.search.includes('saved=1')), page.press('input[name="holiday_0_name"]', 'Enter')]);

    expect(await page.textContent('body')).toContain('Saturday: 22:00–06:00 (overnight)');
    const row = t.deps.db.select().from(calendars).where(eq(calendars.name, 'Support hours')).get()!;
    const calendar = findCalendarDefinition(t.deps.db, row.id)!;
    expect(calendar.timeZone).toBe('Asia/Riyadh');
    expect(calendar.weekly.sunday).toEqual([]);
    expect(calendar.weekly.friday).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(calendar.weekly.saturday).toEqual([{ start: '22:00', end: '06:00' }]);
    expect(calendar.holidays).toEqual([{ from: '2026-09-23', to: '2026-09-23', yearly: true, name: 'National Day' }]);
    await page.goto(`${base}/settings/calendars/${row.id}`);
    expect(await page.inputValue('input[name="saturday_0_start"]')).toBe('22:00');
  });

  test('with script on (boosted forms), add interval keeps the form and a refused save shows the message', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/login`);
    await page.fill('#field-email', admin.email);
    await page.fill('#field-password', admin.password);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);

    await page.goto(`${base}/settings/calendars/new`);
    await page.fill('#field-name', 'Boosted hours');
    await page.click('button[value="add:monday"]');
    await page.waitForSelector('input[name="monday_1_start"]');
    expect(await page.inputValue('#field-name')).toBe('Boosted hours');
    await page.fill('input[name="monday_1_start"]', '12:00');
    await page.fill('input[name="monday_1_end"]', '18:00');
    await page.click('.calendar-form .actions button[value="save"]');
    await page.waitForSelector('text=This interval overlaps another one.');
    expect(t.deps.db.select().from(calendars).where(eq(calendars.name, 'Boosted hours')).get()).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

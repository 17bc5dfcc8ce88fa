import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';

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

/** Collects CSP violations and script errors: the page must run htmx without either. */
function watchForProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

describe.skipIf(!hasChromium)('first run in a real browser', () => {
  setDefaultTimeout(20_000);
  test('the owner creates their account on the setup page and lands signed in, with no CSP violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.fill('#field-businessName', 'Qahwa House');
    await page.selectOption('#field-timeZone', 'Asia/Riyadh');
    await page.fill('#field-name', 'Mona');
    await page.fill('#field-email', 'owner@example.com');
    await page.fill('#field-password', TEST_PASSWORD);
    await page.fill('#field-passwordConfirm', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/setup'), page.click('form[action="/setup"] button[type=submit]')]);
    expect(await page.textContent('body')).toContain('Mona');
    // htmx loaded and initialised under the CSP.
    expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a wrong password shows the error, then Arabic renders right to left', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${base}/login`);
    await page.fill('#field-email', 'owner@example.com');
    await page.fill('#field-password', 'not the password');
    await page.click('form[action="/login"] button[type=submit]');
    await page.waitForSelector('.alert-error');
    expect(await page.textContent('.alert-error')).toContain('do not match');
    await page.click('.locale-switch button');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.textContent('h1')).toBe('تسجيل الدخول');
    // Failed logins answer 401, which the browser logs as a console error; only CSP or script errors matter here.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  test('the layout works at phone width: no horizontal scrolling on the login page', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

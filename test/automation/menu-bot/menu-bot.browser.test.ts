import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp, signedInPage } from '../../support/browser';
import { receive, seedInbox } from '../../conversations/inbox-fixtures';
import { seedMenuBot } from './menu-bot-fixtures';

/** The Bot summary arrives by htmx at the top of the conversation; the settings page works in real Chromium. */
setDefaultTimeout(30_000);

let t: TestApp;
let browser: Browser;
let base: string;
let admin: { email: string; password: string };
let inboxId: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  admin = await t.signedIn('admin', { name: 'Maha' });
  inboxId = seedInbox(t).inboxId;
  seedMenuBot(t, inboxId);
});
afterAll(async () => {
  if (hasChromium) await closeBrowserApp({ t, browser });
});

const signIn = () => signedInPage(browser, base, admin);

function customer(body: string) {
  const { conversationId } = receive(t, inboxId, { body });
  t.drainEvents();
  t.clock.advance(60_000);
  return conversationId;
}

describe.skipIf(!hasChromium)('menu bot in a browser', () => {
  test('the conversation page loads the Bot summary with the collected answer above the timeline', async () => {
    const id = customer('Hello');
    customer('2');
    customer('A-77');
    const { page, problems } = await signIn();
    await page.goto(`${base}/conversations/${id}`);
    await page.waitForSelector('details.bot-summary');
    expect(await page.textContent('details.bot-summary dl')).toContain('A-77');
    expect(await page.textContent('details.bot-summary')).toContain('What is your order number?');
    expect(problems).toEqual([]);
  });

  test('the settings page switches the bot off and says it saved', async () => {
    const { page, problems } = await signIn();
    await page.goto(`${base}/settings/bot?inbox=${inboxId}`);
    await page.uncheck('input[name=enabled]');
    await Promise.all([page.waitForURL((url) => url.search.includes('saved=1')), page.click('form.card button[type=submit]')]);
    expect(await page.textContent('.alert-ok')).toContain('Menu bot saved.');
    expect(await page.isChecked('input[name=enabled]')).toBe(false);
    expect(problems).toEqual([]);
  });
});

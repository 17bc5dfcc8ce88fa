import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { receive, seedInbox } from './inbox-fixtures';
import { saveCannedResponse } from '../../src/conversations/canned-responses';

/** Canned responses, mentions and shortcuts in real Chromium: the parts that live in public/app.js. */
let t: TestApp;
let browser: Browser;
let base: string;
let login: { email: string; password: string; userId: string };

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  login = await t.signedIn('agent', { name: 'Omar' });
  await t.signedIn('agent', { name: 'سارة' });
  saveCannedResponse({ shortcut: 'thanks', title: 'Thanks', body: 'Thank you {{contact.name}}! — {{agent.name}}', shared: false }, { id: login.userId, role: 'agent' }, t.deps);
});
afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowserApp({ t, browser });
});

async function openConversation(): Promise<{ page: Page; problems: string[] }> {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId, { contact: { waId: '966500000222', userId: null, profileName: 'Layla <b>' } });
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
  await page.goto(`${base}/conversations/${conversationId}`);
  return { page, problems };
}

describe.skipIf(!hasChromium)('composer helpers in a real browser', () => {
  setDefaultTimeout(30_000);

  test('typing /th lists the canned response and Enter inserts it with the variables filled', async () => {
    const { page, problems } = await openConversation();
    await page.click('#composer-text');
    await page.keyboard.type('/th');
    await page.waitForSelector('#canned-list [role=option]');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#composer-text')).toBe('Thank you Layla <b>! — Omar');
    expect(await page.$('#canned-list')).toBeNull();
    expect(problems).toEqual([]);
  });

  test('the mention list inserts a token into the note', async () => {
    const { page, problems } = await openConversation();
    await page.keyboard.press('n');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-text');
    await page.click('.mention-picker summary');
    await page.click('.mention-list button');
    expect(await page.inputValue('#note-text')).toMatch(/^@\[سارة\]\(usr_[0-9a-z]+\)$/);
    expect(problems).toEqual([]);
  });

  test('? opens the shortcuts help', async () => {
    const { page, problems } = await openConversation();
    await page.keyboard.press('?');
    await page.waitForSelector('dialog.shortcuts-dialog[open]');
    expect(await page.textContent('dialog.shortcuts-dialog')).toContain('Resolve the conversation');
    expect(problems).toEqual([]);
  });
});

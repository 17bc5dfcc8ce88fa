import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp, signedInPage } from '../support/browser';
import { messagesOf, receive, seedInbox, seedTemplate } from './inbox-fixtures';

/** The inbox in real Chromium at phone width: htmx swaps, the counter, no CSP errors, no sideways scrolling. */
let t: TestApp;
let browser: Browser;
let base: string;
let login: { email: string; password: string };

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, browser, base } = await startBrowserApp());
  login = await t.signedIn('agent', { name: 'Omar' });
});
afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowserApp({ t, browser });
});

// A phone-sized screen: the inbox must work at 360 px without sideways scrolling.
const signInOnPhone = () => signedInPage(browser, base, login, { viewport: { width: 360, height: 740 } });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasChromium)('the inbox in a real browser at 360 px', () => {
  setDefaultTimeout(30_000);

  test('lists conversations and opens one without sideways scrolling; a reply appears in place', async () => {
    const { inboxId } = seedInbox(t);
    const long = 'https://example.com/' + 'a'.repeat(120);
    const { conversationId } = receive(t, inboxId, { body: `Hello, is the order ready? ${long}`, contact: { waId: '966500000111', userId: null, profileName: 'A rather long customer name that goes on' } });
    const { page, problems } = await signInOnPhone();
    expect(await page.textContent('#conversation-list')).toContain('A rather long customer name');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await Promise.all([page.waitForURL((url) => url.pathname === `/conversations/${conversationId}`), page.click(`#conversation-${conversationId} a`)]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.fill('#composer-text', 'Yes, it is ready');
    expect(await page.textContent('#composer-count')).toBe('16 / 4,096');
    await page.click('#composer button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#timeline-messages .message.outgoing').length === 1);
    expect(await page.textContent('#timeline-messages .message.outgoing')).toContain('Yes, it is ready');
    expect(await page.inputValue('#composer-text')).toBe('');
    expect(messagesOf(t, conversationId).filter((m) => m.direction === 'out')).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test('outside the window the template picker previews the variables and sends the template', async () => {
    const { inboxId } = seedInbox(t, 'Late');
    const templateId = seedTemplate(t, inboxId, { name: 'order_ready', body: 'Hi {{1}}, order {{2}} is ready.' });
    const { conversationId } = receive(t, inboxId, { contact: { waId: '966500000222', userId: null, profileName: 'Late customer' }, sentAt: t.clock.now() - 25 * 3_600_000 });
    const { page, problems } = await signInOnPhone();
    await page.goto(`${base}/conversations/${conversationId}`);
    expect(await page.locator('#composer-text').count()).toBe(0);
    await page.selectOption('#template-choice', templateId);
    await page.waitForSelector('#template-var-1');
    await page.fill('#template-var-0', 'Sara');
    await page.waitForFunction(() => document.querySelector('#template-preview')?.textContent?.includes('Hi Sara, order {{2}}'));
    await page.fill('#template-var-1', 'A-17');
    await page.waitForFunction(() => document.querySelector('#template-preview')?.textContent?.includes('Hi Sara, order A-17 is ready.'));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.click('#composer button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#timeline-messages .message.outgoing').length === 1);
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'template')).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});

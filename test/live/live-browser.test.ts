import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp } from '../support/browser';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { listAgentPresence } from '../../src/live/presence.repository';

/** The live inbox in real Chromium: a customer message shows up in an open list without a reload. */
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

describe.skipIf(!hasChromium)('live updates in a real browser', () => {
  setDefaultTimeout(30_000);

  test('shows a new customer message in the open list within 3 seconds, without a reload', async () => {
    const login = await t.signedIn('agent', { name: 'Huda' });
    const { inboxId } = seedInbox(t);
    receive(t, inboxId, { contact: { waId: '966500000201', userId: null, profileName: 'First customer' } });
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${base}/login`);
    await page.fill('#field-email', login.email);
    await page.fill('#field-password', login.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/conversations'), page.click('form[action="/login"] button[type=submit]')]);
    await page.waitForFunction(() => document.querySelector('main[data-live-seen]') !== null);
    // Marks the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));

    const { conversationId } = receive(t, inboxId, { contact: { waId: '966500000202', userId: null, profileName: 'Second customer' } });
    t.deps.live!.publish({ type: 'message.created', conversationId, inboxId, direction: 'inbound' });

    await page.waitForSelector(`#conversation-${conversationId}`, { timeout: 10_000 });
    expect(await page.textContent('#conversation-list')).toContain('Second customer');
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
    await page.waitForFunction(() => document.title.startsWith('(2) '), undefined, { timeout: 10_000 });
    // The page's heartbeat went through (with the CSRF header), so the agent counts as online.
    const status = () => listAgentPresence(t.deps.db, t.clock.now()).find((a) => a.userId === login.userId)?.status;
    for (let i = 0; i < 30 && status() !== 'online'; i++) await Bun.sleep(100);
    expect(status()).toBe('online');
    expect(problems).toEqual([]);
  });
});

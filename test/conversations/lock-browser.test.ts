import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { closeBrowserApp, hasChromium, startBrowserApp, signedInPage } from '../support/browser';
import { eq } from 'drizzle-orm';
import { conversationLocks } from '../../src/conversations/locks.tables';
import { receive, seedInbox } from './inbox-fixtures';

const lockHolder = (conversationId: string) => t.deps.db.select().from(conversationLocks).where(eq(conversationLocks.conversationId, conversationId)).get()?.holderId;

/** The reply lock in real Chromium: two agents in two browser contexts open the same conversation. */
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


describe.skipIf(!hasChromium)('the reply lock in a real browser', () => {
  setDefaultTimeout(30_000);

  test('the second agent sees the banner with the first agent\'s name and a disabled composer; leaving releases the lock', async () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId, { body: 'Is it in stock?' });
    const omar = await t.signedIn('agent', { name: 'Omar' });
    const huda = await t.signedIn('agent', { name: 'Huda' });
    const first = await signedInPage(browser, base, omar);
    const second = await signedInPage(browser, base, huda);

    await first.page.goto(`${base}/conversations/${conversationId}`);
    expect(await first.page.isEnabled('#composer-text')).toBe(true);
    expect(await first.page.locator('.lock-banner').count()).toBe(0);

    await second.page.goto(`${base}/conversations/${conversationId}`);
    const banner = second.page.locator('.lock-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Locked by Omar, \d:\d\d left/);
    expect(await second.page.isDisabled('#composer-text')).toBe(true);
    expect(await second.page.isDisabled('#composer button[type=submit]')).toBe(true);
    // The countdown ticks down in the browser (public/app.js) from the server's 7:00.
    await second.page.waitForFunction(() => /^6:5\d$/.test(document.querySelector('.lock-countdown')?.textContent ?? ''), undefined, { timeout: 10_000 });

    // Going back to the list (a boosted htmx navigation) sends the release beacon with its _csrf field.
    await Promise.all([first.page.waitForURL((url) => url.pathname === '/conversations'), first.page.click('a.back-link')]);
    for (let i = 0; i < 50 && lockHolder(conversationId); i++) await Bun.sleep(100);
    expect(lockHolder(conversationId)).toBeUndefined();
    expect([...first.problems, ...second.problems]).toEqual([]);
  });
});

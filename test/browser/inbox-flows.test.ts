import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { hasChromium, launchBrowser, signedInPage } from '../support/browser';
import { setUpSandbox } from '../support/sandbox';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { conversations, media, messages } from '../../src/conversations/conversations.tables';
import { users } from '../../src/accounts/accounts.tables';
import { inbox as arInbox } from '../../src/i18n/locales/ar/inbox';

/** Whole inbox flows in real Chromium: live arrivals, delivery ticks, resolve/reopen, Arabic layout, hostile content. */
const CUSTOMER = { name: 'Sara Live', phone: '966500000301' };

let browser: Browser;
let t: TestApp;
let box: ReturnType<typeof setUpSandbox>;
let base: string;
let admin: { client: TestClient; userId: string; email: string; password: string };

beforeAll(async () => {
  if (hasChromium) browser = await launchBrowser();
});
afterAll(async () => {
  if (hasChromium) await browser.close();
});
beforeEach(async () => {
  if (!hasChromium) return;
  t = createTestApp();
  box = setUpSandbox(t);
  t.app.listen({ port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${t.app.server!.port}`;
  admin = await t.signedIn('admin', { name: 'Maha' });
  await admin.client.load(`/sandbox?${new URLSearchParams(CUSTOMER)}`);
});
afterEach(async () => {
  if (!hasChromium) return;
  box.close();
  await t.app.stop(true);
  t.cleanup();
});

const say = (text: string) => admin.client.post('/sandbox/send', { ...CUSTOMER, action: 'text', text }, { htmx: true });
const sandboxConversation = () => t.deps.db.select().from(conversations).all()[0]!;

const signIn = (login: { email: string; password: string }) => signedInPage(browser, base, login);

describe.skipIf(!hasChromium)('inbox flows in a real browser', () => {
  setDefaultTimeout(30_000);

  test('shows a sandbox customer message in the open list within 5 seconds, without a reload', async () => {
    const { page, problems } = await signIn(admin);
    await page.waitForFunction(() => document.querySelector('main[data-live-seen]') !== null);
    await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));
    expect(await page.textContent('#conversation-list')).not.toContain(CUSTOMER.name);

    expect((await say('Is my order on its way?')).status).toBe(200);
    await box.processJournal();
    const { id } = sandboxConversation();

    await page.waitForSelector(`#conversation-${id}`, { timeout: 5000 });
    expect(await page.textContent(`#conversation-${id}`)).toContain(CUSTOMER.name);
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
    expect(problems).toEqual([]);
  });

  test('a reply sent from the composer shows the sent tick, then the read ticks', async () => {
    await say('Hello');
    await box.processJournal();
    const { id } = sandboxConversation();
    const { page, problems } = await signIn(admin);
    await page.goto(`${base}/conversations/${id}`);
    await page.waitForFunction(() => document.querySelector('main[data-live-seen]') !== null);
    await page.fill('#composer-text', 'Your order ships today');
    await page.click('#composer button[type=submit]');
    await page.waitForSelector('#timeline-messages .message.outgoing');
    const tick = '#timeline-messages .message.outgoing .tick';
    expect(await page.getAttribute(tick, 'class')).toContain('pending');

    expect((await box.deliver()).sent).toBe(1);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.trim() === '✓', tick, { timeout: 5000 });
    expect(await page.getAttribute(tick, 'aria-label')).toBe('Sent');

    await box.settleStatuses();
    await page.waitForSelector(`${tick}.read`, { timeout: 5000 });
    expect((await page.textContent(tick))?.trim()).toBe('✓✓');
    expect(await page.getAttribute(tick, 'aria-label')).toBe('Read');
    expect(t.deps.db.select().from(messages).where(eq(messages.direction, 'out')).get()?.status).toBe('read');
    expect(problems).toEqual([]);
  });

  test('resolves and reopens from the conversation page, with both changes in the timeline', async () => {
    await say('Thanks, that is all');
    await box.processJournal();
    const { id } = sandboxConversation();
    const { page, problems } = await signIn(admin);
    await page.goto(`${base}/conversations/${id}`);
    const statusBadge = () => page.textContent('.conversation-header');
    expect(await statusBadge()).toContain('Open');

    await Promise.all([page.waitForLoadState('load'), page.click('form.status-actions button[type=submit]')]);
    await page.waitForFunction(() => document.querySelector('form.status-actions button')?.textContent?.trim() === 'Reopen');
    expect(await statusBadge()).toContain('Resolved');
    expect(sandboxConversation().status).toBe('resolved');

    await page.click('form.status-actions button[type=submit]');
    await page.waitForFunction(() => document.querySelector('form.status-actions button')?.textContent?.trim() === 'Resolve');
    expect(sandboxConversation().status).toBe('open');
    const timeline = (await page.textContent('#timeline')) ?? '';
    expect(timeline).toContain('Maha set the conversation to Resolved.');
    expect(timeline).toContain('Maha set the conversation to Open.');
    expect(problems).toEqual([]);
  });

  test('an Arabic-speaking agent gets a right-to-left inbox and composer with Arabic labels', async () => {
    const agent = await t.signedIn('admin', { name: 'هدى' });
    t.deps.db.update(users).set({ locale: 'ar' }).where(eq(users.id, agent.userId)).run();
    await say('مرحبا');
    await box.processJournal();
    const { id } = sandboxConversation();
    const { page, problems } = await signIn(agent);

    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.textContent('body')).toContain(arInbox['inbox.status.open']);
    await page.goto(`${base}/conversations/${id}`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getAttribute('#composer-text', 'placeholder')).toBe(arInbox['inbox.composer.placeholder']);
    expect(await page.textContent('form.status-actions button')).toContain(arInbox['inbox.action.resolve']);
    const shot = join(tmpdir(), `rasil-rtl-${crypto.randomUUID()}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(0);
    rmSync(shot);
    expect(problems).toEqual([]);
  });

  test('hostile customer content renders as inert text in the list and the conversation', async () => {
    const XSS = '"><img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';
    const MD = '[x](javascript:window.__pwned=3)';
    const JS = 'javascript:window.__pwned=4';
    const { inboxId } = seedInbox(t, 'Hostile');
    const contact = { waId: '966500000666', userId: null, profileName: `Eve ${XSS}` };
    const add = (input: Parameters<typeof receive>[2]) => {
      t.clock.advance(1000);
      return receive(t, inboxId, { contact, ...input });
    };
    const { conversationId } = add({ body: `${XSS} ${MD} ${JS}` });
    const doc = add({ kind: 'document', body: MD, content: { fileName: `${XSS}.pdf` }, media: { waMediaId: 'm', mimeType: 'application/pdf', fileName: `${XSS}.pdf` } });
    t.deps.db.update(media).set({ status: 'downloaded', bytes: 10 }).where(eq(media.id, doc.mediaId!)).run();
    add({ kind: 'location', body: JS, content: { latitude: 24.7, longitude: 46.7, name: XSS, address: MD, url: JS } });
    add({ kind: 'interactive', body: XSS, content: { interactiveType: 'button_reply', reply: { id: 'x', title: XSS, description: MD } } });
    add({ body: JS });

    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const login = { email: admin.email, password: admin.password };
    await page.goto(`${base}/login`);
    await page.fill('#field-email', login.email);
    await page.fill('#field-password', login.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/conversations'), page.click('form[action="/login"] button[type=submit]')]);

    const inert = async () => {
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    };
    expect(await page.textContent(`#conversation-${conversationId}`)).toContain(`Eve ${XSS}`);
    await inert();

    await page.goto(`${base}/conversations/${conversationId}`);
    await page.waitForLoadState('load');
    const text = (await page.textContent('#timeline')) ?? '';
    expect(text).toContain(XSS);
    expect(text).toContain(MD);
    expect(text).toContain(JS);
    expect(await page.textContent('body')).toContain(`Eve ${XSS}`);
    await inert();
  });
});

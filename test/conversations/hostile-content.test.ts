import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { media } from '../../src/conversations/conversations.tables';
import { receive, seedInbox } from './inbox-fixtures';

/** Customers control names, text, filenames, places and button titles: none of it may become markup or a script link. */
const XSS = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
const JS_URL = 'javascript:alert(3)';

let t: TestApp;
let client: TestClient;
let conversationId: string;
let replyToId: string;

beforeAll(async () => {
  t = createTestApp();
  ({ client } = await t.signedIn('agent'));
  const { inboxId } = seedInbox(t, `Inbox ${XSS}`);
  const contact = { waId: '966500000666', userId: null, profileName: `Eve ${XSS}`, username: `eve${XSS}` };
  const add = (input: Parameters<typeof receive>[2]) => {
    t.clock.advance(1000);
    return receive(t, inboxId, { contact, ...input });
  };
  const first = add({ body: `hi ${XSS} [x](${JS_URL}) data:text/html,<script>alert(4)</script>` });
  conversationId = first.conversationId;
  replyToId = first.messageId;
  const doc = add({ kind: 'document', body: XSS, content: { fileName: `${XSS}.pdf` }, media: { waMediaId: 'm', mimeType: 'application/pdf', fileName: `../../${XSS}.pdf` } });
  t.deps.db.update(media).set({ status: 'downloaded', bytes: 10 }).where(eq(media.id, doc.mediaId!)).run();
  add({ kind: 'location', body: XSS, content: { latitude: '1);alert(5' as unknown as number, longitude: 2, name: XSS, address: XSS, url: JS_URL } });
  add({ kind: 'interactive', body: XSS, content: { interactiveType: 'button_reply', reply: { id: 'x', title: XSS, description: XSS } } });
  add({ kind: 'contacts', body: XSS, content: { contacts: [{ name: XSS, phones: [{ phone: `${XSS}123` }], emails: [{ email: `${JS_URL}@x` }], urls: [{ url: JS_URL }] }] } });
  add({ body: 'ad', content: { referral: { headline: XSS, body: XSS, sourceType: XSS, sourceUrl: JS_URL } } });
  add({ kind: 'order', body: XSS, content: { text: XSS, items: [{ productRetailerId: XSS, quantity: 1, itemPrice: 1, currency: XSS }], total: { amount: 1, currency: XSS } } });
  add({ kind: 'unsupported', body: '', content: { errors: [{ code: 1, title: XSS, detail: XSS }] } });
  add({ kind: 'button', body: XSS, content: { text: XSS, payload: XSS } });
  add({ body: XSS, replyToWaId: 'wamid.whatever' });
});
afterAll(() => t.cleanup());

function expectInert(html: string) {
  expect(html).not.toContain('<script>alert');
  expect(html).not.toMatch(/<[^>]*\sonerror=/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/src="\s*(javascript|data):/i);
}

describe('hostile customer content', () => {
  test('the conversation list shows hostile names and previews as text', async () => {
    const html = await client.load('/conversations');
    expectInert(html);
    expect(html).toContain('Eve &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  test('the conversation page renders every hostile field as text and links nothing unsafe', async () => {
    const html = await client.load(`/conversations/${conversationId}`);
    expectInert(html);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('../../&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // A latitude that is not a number gives no map link at all.
    expect(html).not.toContain('openstreetmap.org');
  });

  test('the composer quoting a hostile message stays inert', async () => {
    const fragment = await (await client.get(`/conversations/${conversationId}/composer?reply_to=${replyToId}`, { htmx: true })).text();
    expectInert(fragment);
    expect(fragment).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('hostile text typed into a refused send comes back escaped', async () => {
    const response = await client.post(`/conversations/${conversationId}/messages`, { text: `${XSS}${'x'.repeat(4100)}` }, { htmx: true });
    expect(response.status).toBe(422);
    expectInert(await response.text());
  });
});

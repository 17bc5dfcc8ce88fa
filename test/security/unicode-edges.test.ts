import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { webhookJournal } from '../../src/channel/whatsapp/whatsapp.tables';
import { messages } from '../../src/conversations/conversations.tables';
import { addTestChannel, deliver, textPayload } from '../support/whatsapp-webhooks';

/**
 * Text that breaks naive code: bidi overrides, zero-width characters, a lone UTF-16 surrogate (valid JSON escape,
 * invalid Unicode), NUL, and a 64 KB message. Each is stored, shown as text, searchable where it has words, and
 * never takes a page or the journal down.
 */
const CASES: Record<string, string> = {
  rtlOverride: 'invoice \u202Egpj.exe\u202C ready',
  rtlMarks: '\u200F\u0645\u0631\u062D\u0628\u0627\u200E hello \u2067mixed\u2069',
  zeroWidth: 're\u200Bfund\u200D please \uFEFF',
  loneSurrogate: 'broken \uD800 half',
  nul: 'before\u0000after',
  combining: 'Z\u0351\u0352\u0353\u0354A\u0300\u0301\u0302L\u0303G\u0304O',
  long: 'refund '.repeat(9_400).slice(0, 65_536),
};

let t: TestApp;
let agent: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = createTestApp();
  addTestChannel(t.deps);
  ({ client: agent } = await t.signedIn('admin'));
  let n = 0;
  for (const [name, text] of Object.entries(CASES)) {
    const id = `wamid.UNICODE${++n}`;
    ids[name] = id;
    await deliver(t.app, t.deps, textPayload(text, { id, from: `96650000${String(n).padStart(4, '0')}`, name: `${name} \u202Eeman\u202C` }));
  }
});
afterAll(() => t.cleanup());

const stored = (name: string) => t.deps.db.select().from(messages).where(eq(messages.waMessageId, ids[name]!)).get();

describe('unicode edge cases from customers', () => {
  test('every case is processed and stored, none left failed in the journal', () => {
    expect(t.deps.db.select().from(webhookJournal).all().map((row) => row.status)).toEqual(Object.keys(CASES).map(() => 'processed'));
    for (const name of Object.keys(CASES)) expect({ name, stored: Boolean(stored(name)) }).toEqual({ name, stored: true });
  });

  test('keeps bidi controls and zero-width characters as the customer sent them', () => {
    expect(stored('rtlOverride')!.body).toBe(CASES.rtlOverride!);
    expect(stored('zeroWidth')!.body).toBe(CASES.zeroWidth!);
  });

  test('stores the 64 KB message whole', () => {
    expect(stored('long')!.body.length).toBe(65_536);
  });

  test('keeps the text around a NUL and a lone surrogate instead of failing the webhook', () => {
    expect(stored('nul')!.body).toContain('after');
    expect(stored('loneSurrogate')!.body).toContain('half');
  });

  test('the list and each conversation render with 200 and isolate customer text with dir="auto"', async () => {
    const list = await agent.get('/conversations');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('dir="auto"');
    for (const name of Object.keys(CASES)) {
      const response = await agent.get(`/conversations/${stored(name)!.conversationId}`);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      await response.arrayBuffer();
    }
  });

  test('search finds a word split by zero-width characters', async () => {
    const html = await (await agent.get('/conversations?q=refund', { htmx: true })).text();
    expect(html).toContain(`conversation-${stored('zeroWidth')!.conversationId}`);
  });
});

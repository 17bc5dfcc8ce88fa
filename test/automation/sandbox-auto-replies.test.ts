import { afterEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { setUpSandbox } from '../support/sandbox';
import { riyadhOffice } from '../business-hours/fixtures';
import { whatsappChannels } from '../../src/channel/whatsapp/whatsapp.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { addKeywordRule, automaticMessages, configureAutoReplies, OUT_OF_HOURS, setInboxCalendar, WELCOME } from './automation-fixtures';

const CUSTOMER = { name: 'Sara', phone: '966500000001' };
const FRIDAY_23H_RIYADH = Date.UTC(2026, 10, 27, 20, 0);

let t: TestApp;
let box: ReturnType<typeof setUpSandbox>;
let admin: TestClient;
afterEach(() => {
  box.close();
  t.cleanup();
});

/** The sandbox number and its phone, at the given time, with an admin looking at it. */
async function sandboxAt(now: number) {
  t = createTestApp();
  t.clock.set(now);
  box = setUpSandbox(t);
  ({ client: admin } = await t.signedIn('admin'));
  await admin.load(`/sandbox?${new URLSearchParams(CUSTOMER)}`);
  return t.deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.isSandbox, true)).get()!.inboxId;
}

/** The customer types on the sandbox phone; Rasil ingests it, runs automation and delivers what it queued. */
async function customerTypes(text: string) {
  expect((await admin.post('/sandbox/send', { ...CUSTOMER, action: 'text', text }, { htmx: true })).status).toBe(200);
  await box.processJournal();
  t.drainEvents();
  await box.deliver();
}

const conversationOf = (inboxId: string) => t.deps.db.select().from(conversations).where(eq(conversations.inboxId, inboxId)).get()!.id;
const phoneTexts = () => box.runtime.fake.sent.map((m) => m.body as { text?: { body: string }; interactive?: { body: { text: string } } }).map((b) => b.text?.body ?? b.interactive?.body.text);

describe('auto-replies through the sandbox', () => {
  test('a first contact gets the welcome on their phone, marked automatic with its rule in the timeline', async () => {
    const inboxId = await sandboxAt(Date.UTC(2026, 10, 24, 9, 0));
    configureAutoReplies(t, inboxId, { welcome: WELCOME });
    await customerTypes('Hello!');
    expect(phoneTexts()).toEqual(['Welcome to Sweet Shop!']);
    const page = await admin.load(`/conversations/${conversationOf(inboxId)}`);
    expect(page).toContain('Automatic · Welcome');
  });

  test('a message at 23:00 on a Friday gets the out-of-hours reply naming Sunday’s opening time', async () => {
    const inboxId = await sandboxAt(FRIDAY_23H_RIYADH);
    setInboxCalendar(t, inboxId, riyadhOffice);
    configureAutoReplies(t, inboxId, { outOfHours: OUT_OF_HOURS });
    await customerTypes('Are you open?');
    expect(phoneTexts()).toEqual(['Thanks for writing. We are closed right now.\nWe open again Sunday at 09:00.']);
  });

  test('a keyword reply arrives with its buttons, and the timeline names the rule', async () => {
    const inboxId = await sandboxAt(Date.UTC(2026, 10, 24, 9, 0));
    addKeywordRule(t, { name: 'Cake prices', buttons: [{ en: 'Order now', ar: '' }] });
    await customerTypes('price?');
    const [sent] = box.runtime.fake.sent;
    expect(sent?.type).toBe('interactive');
    expect(JSON.stringify(sent?.body)).toContain('Order now');
    expect(automaticMessages(t, conversationOf(inboxId))).toHaveLength(1);
    expect(await admin.load(`/conversations/${conversationOf(inboxId)}`)).toContain('Automatic · Keyword reply “Cake prices”');
  });
});

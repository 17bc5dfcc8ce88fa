import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, messagesOf, receive, seedInbox } from '../conversations/inbox-fixtures';
import { conversations } from '../../src/conversations/conversations.tables';
import { handOverToHuman } from '../../src/conversations/hand-over-to-human';
import { runInTransaction } from '../../src/platform/db/client';
import { domainEvents } from '../../src/platform/events/events.tables';

let t: TestApp;
let conversationId: string;
beforeEach(() => {
  t = createTestApp();
  const { inboxId } = seedInbox(t);
  ({ conversationId } = receive(t, inboxId));
  t.deps.db.update(conversations).set({ withBot: true }).where(eq(conversations.id, conversationId)).run();
});
afterEach(() => t.cleanup());

const handOver = (menuOption?: string) =>
  runInTransaction(t.deps.db, (tx) =>
    handOverToHuman(tx, { conversationId, reason: 'keyword', menuOption, explanation: { key: 'automation.event.handedOver', vars: { rule: 'Complaints' } } }, { newId: t.deps.newId, now: t.clock.now() }),
  );
const handedOverEvents = () => t.deps.db.select().from(domainEvents).where(eq(domainEvents.type, 'conversation.handed_over')).all();

describe('handOverToHuman', () => {
  test('stops the bot, writes the reason in the timeline and asks routing to take it', () => {
    expect(handOver('billing')).toBe(true);
    expect(conversationRow(t, conversationId)).toMatchObject({ withBot: false, menuOption: 'billing' });
    expect(handedOverEvents().map((e) => JSON.parse(e.payload))).toEqual([{ reason: 'keyword' }]);
    expect(messagesOf(t, conversationId).filter((m) => m.kind === 'event').map((m) => JSON.parse(m.content).event)).toEqual(['handed_over']);
  });

  test('only stops the bot when a person already has the conversation', async () => {
    const { userId } = await t.signedIn('agent');
    t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, conversationId)).run();
    expect(handOver()).toBe(false);
    expect(conversationRow(t, conversationId).withBot).toBe(false);
    expect(handedOverEvents()).toEqual([]);
  });

  test('changes nothing in a resolved conversation', () => {
    t.deps.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, conversationId)).run();
    expect(handOver()).toBe(false);
    expect(conversationRow(t, conversationId).withBot).toBe(true);
    expect(handedOverEvents()).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { asc } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { domainEvents } from '../../src/platform/events/events.tables';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { findConversation } from '../../src/conversations/conversations.repository';
import { receive, seedInbox } from './inbox-fixtures';

/** What the inbox's use cases tell the reacting modules (assignment, automation, SLA) through the event log. */
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

const logged = () => t.deps.db.select().from(domainEvents).orderBy(asc(domainEvents.id)).all().map((e) => ({ type: e.type, conversationId: e.conversationId, payload: JSON.parse(e.payload) }));

describe('domain events appended by the inbox', () => {
  test('a customer opening a conversation logs it opened and the message received, in that order', () => {
    const { inboxId } = seedInbox(t);
    const { conversationId, messageId } = receive(t, inboxId, { body: 'Hi' });
    const events = logged();
    expect(events.map((e) => e.type)).toEqual(['conversation.opened', 'message.received']);
    expect(events[1]).toMatchObject({ conversationId, payload: { messageId, inboxId } });
  });

  test('a second message in the same conversation logs only the message', () => {
    const { inboxId } = seedInbox(t);
    receive(t, inboxId);
    receive(t, inboxId);
    expect(logged().map((e) => e.type)).toEqual(['conversation.opened', 'message.received', 'message.received']);
  });

  test('a replayed webhook (same WhatsApp id) logs nothing more', () => {
    const { inboxId } = seedInbox(t);
    receive(t, inboxId, { waMessageId: 'wamid.same' });
    receive(t, inboxId, { waMessageId: 'wamid.same' });
    expect(logged()).toHaveLength(2);
  });

  test('imported history logs nothing: nobody should be assigned or greeted for the past', () => {
    const { inboxId } = seedInbox(t);
    receive(t, inboxId, { imported: true });
    expect(logged()).toEqual([]);
  });

  test('an agent reply logs the queued message and stamps the first response once', () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    const first = t.clock.now() + 60_000;
    t.clock.set(first);
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content: { kind: 'text', text: 'Hello!' } }, t.deps);
    t.clock.advance(60_000);
    queueOutboundMessage({ conversationId, author: { type: 'agent', id: null }, content: { kind: 'text', text: 'Anything else?' } }, t.deps);
    expect(logged().filter((e) => e.type === 'message.queued')).toHaveLength(2);
    expect(findConversation(t.deps.db, conversationId)!.firstResponseAt).toBe(first);
  });

  test('an automatic message does not count as the first response', () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: 'Welcome!' } }, t.deps);
    expect(findConversation(t.deps.db, conversationId)!.firstResponseAt).toBeNull();
  });

  test('a customer answering a pending conversation reopens it and logs the change', () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    changeConversationStatus({ conversationId, status: 'pending', actor: { id: 'usr_omar', name: 'Omar' } }, t.deps);
    receive(t, inboxId, { body: 'Here is the photo you asked for' });
    expect(findConversation(t.deps.db, conversationId)!.status).toBe('open');
    expect(logged().slice(-2).map((e) => [e.type, e.payload.to ?? null])).toEqual([
      ['conversation.status_changed', 'open'],
      ['message.received', null],
    ]);
  });

  test('resolving logs the status change with who did it', () => {
    const { inboxId } = seedInbox(t);
    const { conversationId } = receive(t, inboxId);
    changeConversationStatus({ conversationId, status: 'resolved', actor: { id: 'usr_omar', name: 'Omar' } }, t.deps);
    expect(logged().at(-1)).toMatchObject({ type: 'conversation.status_changed', conversationId, payload: { from: 'open', to: 'resolved', actorId: 'usr_omar' } });
  });
});

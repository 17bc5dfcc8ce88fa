import { afterEach, beforeEach, describe, expect, test, setDefaultTimeout } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { conversationRow, messagesOf, receive, seedInbox } from '../../conversations/inbox-fixtures';
import { changeConversationStatus } from '../../../src/conversations/change-conversation-status';
import { queueOutboundMessage } from '../../../src/conversations/queue-outbound-message';
import { conversations } from '../../../src/conversations/conversations.tables';
import { contacts } from '../../../src/contacts/contacts.tables';
import { saveCsatSettings, DEFAULT_CSAT_SETTINGS, type CsatSettings } from '../../../src/automation/csat/csat-settings';
import { csatSurveys } from '../../../src/automation/csat/csat.tables';
import { isSurveyReply } from '../../../src/automation/csat/csat.repository';

// Signing users in hashes passwords: slow on a busy machine.
setDefaultTimeout(30_000);

let t: TestApp;
let inboxId: string;
beforeEach(() => {
  t = createTestApp();
  inboxId = seedInbox(t).inboxId;
});
afterEach(() => t.cleanup());

const HOUR = 3_600_000;
const enable = (overrides: Partial<CsatSettings> = {}) => saveCsatSettings({ ...DEFAULT_CSAT_SETTINGS, enabled: true, ...overrides }, { id: null, label: 'test' }, t.deps);
const resolve = (conversationId: string) => changeConversationStatus({ conversationId, status: 'resolved', actor: { id: null, name: 'Agent' } }, t.deps);
const surveys = () => t.deps.db.select().from(csatSurveys).all();
const automationMessages = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.authorType === 'automation');
const tap = (replyId: string, title = 'Good') => receive(t, inboxId, { kind: 'interactive', body: title, content: { interactiveType: 'button_reply', reply: { id: replyId, title } } });
const conversationCount = () => t.deps.db.select().from(conversations).all().length;

/** A customer wrote, an agent answered, and the conversation is resolved; returns its id. */
function resolvedConversation(): string {
  const { conversationId } = receive(t, inboxId, { body: 'Where is my order?' });
  t.clock.advance(60_000);
  resolve(conversationId);
  t.drainEvents();
  return conversationId;
}

describe('sending the survey', () => {
  test('queues three reply buttons from automation when a conversation is resolved inside the window', () => {
    enable();
    const id = resolvedConversation();
    const sent = automationMessages(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('interactive');
    const content = JSON.parse(sent[0]!.content) as { buttons: { id: string; title: string }[] };
    const survey = surveys()[0]!;
    expect(content.buttons.map((b) => b.id)).toEqual([`csat:${survey.id}:5`, `csat:${survey.id}:3`, `csat:${survey.id}:1`]);
    expect(survey.conversationId).toBe(id);
    expect(survey.messageId).toBe(sent[0]!.id);
  });

  test('sends nothing when the 24-hour window has closed', () => {
    enable();
    const { conversationId } = receive(t, inboxId);
    t.clock.advance(25 * HOUR);
    resolve(conversationId);
    t.drainEvents();
    expect(surveys()).toHaveLength(0);
    expect(automationMessages(conversationId)).toHaveLength(0);
  });

  test('sends nothing while the survey is switched off', () => {
    const id = resolvedConversation();
    expect(surveys()).toHaveLength(0);
    expect(automationMessages(id)).toHaveLength(0);
  });

  test('sends one survey per conversation even when it is resolved twice', () => {
    enable();
    const id = resolvedConversation();
    changeConversationStatus({ conversationId: id, status: 'open', actor: { id: null, name: 'Agent' } }, t.deps);
    resolve(id);
    t.drainEvents();
    expect(surveys()).toHaveLength(1);
    expect(automationMessages(id)).toHaveLength(1);
  });

  test('skips the survey when the contact already had today’s automatic messages', () => {
    enable();
    const { conversationId } = receive(t, inboxId);
    for (let i = 0; i < 3; i++) queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: `notice ${i}` } }, t.deps);
    resolve(conversationId);
    t.drainEvents();
    expect(surveys()).toHaveLength(0);
  });

  test('asks in Arabic with a 1–5 list when the customer’s locale is Arabic', () => {
    enable({ format: 'list' });
    const { conversationId } = receive(t, inboxId);
    t.deps.db.update(contacts).set({ locale: 'ar_SA' }).where(eq(contacts.id, conversationRow(t, conversationId).contactId)).run();
    resolve(conversationId);
    t.drainEvents();
    const content = JSON.parse(automationMessages(conversationId)[0]!.content) as { body: string; sections: { rows: { title: string }[] }[] };
    expect(content.body).toBe(DEFAULT_CSAT_SETTINGS.questionAr);
    expect(content.sections[0]!.rows.map((r) => r.title)).toEqual(['5 – ممتاز', '4 – جيد', '3 – مقبول', '2 – ضعيف', '1 – سيئ']);
  });
});

describe('answers', () => {
  test('stores a tapped 5, keeps the answer in the resolved conversation and thanks the customer', () => {
    enable();
    const id = resolvedConversation();
    const survey = surveys()[0]!;
    t.clock.advance(60_000);
    const answer = tap(`csat:${survey.id}:5`);
    expect(answer.conversationId).toBe(id);
    expect(isSurveyReply(t.deps.db, answer.messageId)).toBe(true);
    t.drainEvents();
    const after = surveys()[0]!;
    expect(after.rating).toBe(5);
    expect(after.answeredAt).toBe(t.clock.now());
    expect(conversationRow(t, id).status).toBe('resolved');
    expect(conversationCount()).toBe(1);
    expect(automationMessages(id).map((m) => m.body)).toContain(DEFAULT_CSAT_SETTINGS.thanksEn);
  });

  test('takes a typed Arabic-Indic digit as the rating', () => {
    enable({ format: 'list' });
    resolvedConversation();
    receive(t, inboxId, { body: '٤' });
    t.drainEvents();
    expect(surveys()[0]!.rating).toBe(4);
  });

  test('asks for a comment after the rating and stores the next text as the comment', () => {
    enable({ askComment: true });
    const id = resolvedConversation();
    const survey = surveys()[0]!;
    tap(`csat:${survey.id}:1`, 'Bad');
    t.drainEvents();
    expect(automationMessages(id).map((m) => m.body)).toContain(DEFAULT_CSAT_SETTINGS.commentEn);
    t.clock.advance(5 * 60_000);
    const comment = receive(t, inboxId, { body: 'The courier was late' });
    t.drainEvents();
    expect(comment.conversationId).toBe(id);
    expect(surveys()[0]!).toMatchObject({ rating: 1, comment: 'The courier was late' });
    expect(conversationRow(t, id).status).toBe('resolved');
    expect(automationMessages(id).map((m) => m.body)).toContain(DEFAULT_CSAT_SETTINGS.thanksEn);
  });

  test('reopens the conversation when the customer writes something that is not a rating', () => {
    enable();
    const id = resolvedConversation();
    const message = receive(t, inboxId, { body: 'I have another question' });
    t.drainEvents();
    expect(message.conversationId).toBe(id);
    const after = conversationRow(t, id);
    expect(after.status).toBe('open');
    expect(after.awaitingAnswerUntil).toBeNull();
    expect(after.unreadCount).toBeGreaterThan(0);
    expect(surveys()[0]!.rating).toBeNull();
  });

  test('opens a new conversation for a message after the answer time is over', () => {
    enable({ answerMinutes: 30 });
    const id = resolvedConversation();
    t.clock.advance(31 * 60_000);
    const later = receive(t, inboxId, { body: '5' });
    t.drainEvents();
    expect(later.conversationId).not.toBe(id);
    expect(surveys()[0]!.rating).toBeNull();
  });

  test('does not count an ordinary customer message as a survey reply', () => {
    enable();
    const { messageId } = receive(t, inboxId, { body: 'Hello' });
    expect(isSurveyReply(t.deps.db, messageId)).toBe(false);
  });

  test('ignores a tap on another survey’s button', () => {
    enable();
    const id = resolvedConversation();
    tap('csat:csat_someoneelse:5');
    t.drainEvents();
    expect(surveys()[0]!.rating).toBeNull();
    expect(conversationRow(t, id).status).toBe('open');
  });
});

test('records the assignee at resolve time as the rated agent', async () => {
  enable();
  const { userId } = await t.signedIn('agent');
  const { conversationId } = receive(t, inboxId);
  t.deps.db.update(conversations).set({ assigneeId: userId }).where(eq(conversations.id, conversationId)).run();
  resolve(conversationId);
  t.drainEvents();
  expect(t.deps.db.select().from(csatSurveys).where(and(eq(csatSurveys.conversationId, conversationId), eq(csatSurveys.agentId, userId))).all()).toHaveLength(1);
});

import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';
import { contacts } from '../../contacts/contacts.tables';
import { findConversation } from '../../conversations/conversations.repository';
import { queueOutboundMessage } from '../../conversations/queue-outbound-message';
import { isReplyWindowOpen } from '../../conversations/reply-window';
import { mayQueueAutomaticMessage } from '../../conversations/automatic-message-budget';
import { awaitClosingAnswer } from '../../conversations/await-closing-answer';
import { getBusinessSettings } from '../../settings/business-settings';
import { createTranslator } from '../../i18n/translate';
import type { CsatSettings } from './csat-settings';
import { findSurveyByConversation, insertSurvey } from './csat.repository';
import { surveyContent, surveyLanguageFor, textFor, type SurveyLanguage } from './csat-survey-content';

const AUTOMATION = { type: 'automation', id: null } as const;

/**
 * Queues the survey for a just-resolved conversation and records it, unless one was already sent, the customer
 * never wrote, the 24-hour window has closed, or the contact has had their share of automatic messages today.
 * Returns whether a message was queued.
 */
export function sendSurvey(tx: Db, conversationId: string, settings: CsatSettings, deps: { clock: Clock; newId: NewId }): boolean {
  const conversation = findConversation(tx, conversationId);
  if (!conversation || conversation.status !== 'resolved') return false;
  if (findSurveyByConversation(tx, conversationId)) return false;
  const now = deps.clock.now();
  if (!isReplyWindowOpen({ lastInboundAt: conversation.lastInboundAt, now })) return false;
  if (!mayQueueAutomaticMessage(tx, conversation.contactId, now)) return false;
  const contact = tx.select({ locale: contacts.locale }).from(contacts).where(eq(contacts.id, conversation.contactId)).get();
  const language = surveyLanguageFor(contact?.locale ?? '', getBusinessSettings(tx).defaultLocale);
  const surveyId = deps.newId('csat');
  const { messageId } = queueOutboundMessage(
    { conversationId, author: AUTOMATION, content: surveyContent(settings, surveyId, language, createTranslator(language)) },
    { db: tx, clock: deps.clock, newId: deps.newId },
  );
  insertSurvey(tx, {
    id: surveyId,
    conversationId,
    contactId: conversation.contactId,
    inboxId: conversation.inboxId,
    agentId: conversation.assigneeId,
    teamId: conversation.teamId,
    messageId,
    language,
    sentAt: now,
  });
  awaitClosingAnswer(tx, { conversationId, until: now + settings.answerMinutes * 60_000, now });
  return true;
}

/**
 * The comment request or the thank-you, in the survey's language. These answer the customer's own tap, so they do
 * not ask the daily automatic-message limit (they still count toward it); a closed window skips them.
 */
export function sendSurveyText(tx: Db, conversationId: string, settings: CsatSettings, field: 'comment' | 'thanks', language: SurveyLanguage, deps: { clock: Clock; newId: NewId }): boolean {
  const text = textFor(settings, field, language);
  const conversation = findConversation(tx, conversationId);
  if (!text || !conversation || !isReplyWindowOpen({ lastInboundAt: conversation.lastInboundAt, now: deps.clock.now() })) return false;
  queueOutboundMessage({ conversationId, author: AUTOMATION, content: { kind: 'text', text } }, { db: tx, clock: deps.clock, newId: deps.newId });
  return true;
}

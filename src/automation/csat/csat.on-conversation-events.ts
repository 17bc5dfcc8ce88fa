import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';
import type { WakeName } from '../../platform/wake';
import type { EventHandler } from '../../platform/events/event-dispatcher';
import { isEvent, type DomainEvent } from '../../platform/events/event-store';
import { messages } from '../../conversations/conversations.tables';
import { findConversation } from '../../conversations/conversations.repository';
import { changeConversationStatus } from '../../conversations/change-conversation-status';
import { abandonClosingAnswer, awaitClosingAnswer } from '../../conversations/await-closing-answer';
import { getCsatSettings } from './csat-settings';
import { findSurveyByConversation, recordComment, recordRating } from './csat.repository';
import { commentFromAnswer, ratingFromAnswer } from './csat-answer';
import { sendSurvey, sendSurveyText } from './send-survey';

export interface CsatDeps {
  clock: Clock;
  newId: NewId;
  wake?: (name: WakeName) => void;
}

/**
 * Satisfaction surveys. On resolve: one survey per conversation, inside the 24-hour window and the automatic-message
 * limit. On a customer message that landed in the resolved conversation as the survey's answer: the rating (a tap or
 * a typed 1–5), then the comment if one was asked for, then thanks; anything else reopens the conversation.
 * Registered last, so the bot and auto-replies have already passed over these messages (isSurveyReply).
 */
export function createCsatHandler(deps: CsatDeps): EventHandler {
  return {
    name: 'automation.csat',
    on: ['conversation.status_changed', 'message.received'],
    handle(tx, events) {
      let queued = false;
      for (const event of events) {
        if (!event.conversationId) continue;
        if (isEvent(event, 'conversation.status_changed') && event.payload.to === 'resolved') queued = onResolved(tx, event.conversationId, deps) || queued;
        if (isEvent(event, 'message.received')) queued = onCustomerMessage(tx, event, deps) || queued;
      }
      return queued && deps.wake ? () => deps.wake?.('outbox') : undefined;
    },
  };
}

function onResolved(tx: Db, conversationId: string, deps: CsatDeps): boolean {
  const settings = getCsatSettings(tx);
  if (!settings.enabled) return false;
  return sendSurvey(tx, conversationId, settings, deps);
}

function onCustomerMessage(tx: Db, event: DomainEvent<{ messageId: string }>, deps: CsatDeps): boolean {
  const conversationId = event.conversationId!;
  const conversation = findConversation(tx, conversationId);
  if (conversation?.status !== 'resolved') return false;
  const survey = findSurveyByConversation(tx, conversationId);
  const message = tx.select().from(messages).where(eq(messages.id, event.payload.messageId)).get();
  if (!survey || !message || message.createdAt < survey.sentAt) return false;
  const now = deps.clock.now();
  const settings = getCsatSettings(tx);
  const answer = { kind: message.kind, body: message.body, content: JSON.parse(message.content) as Record<string, unknown> };

  if (survey.rating === null) {
    const rating = ratingFromAnswer(answer, survey.id);
    if (rating !== undefined) {
      recordRating(tx, survey.id, rating, now);
      if (settings.askComment && (settings.commentEn || settings.commentAr)) {
        awaitClosingAnswer(tx, { conversationId, until: now + settings.answerMinutes * 60_000, now });
        return sendSurveyText(tx, conversationId, settings, 'comment', survey.language, deps);
      }
      awaitClosingAnswer(tx, { conversationId, until: null, now });
      return sendSurveyText(tx, conversationId, settings, 'thanks', survey.language, deps);
    }
  } else if (survey.comment === null && settings.askComment && ratingFromAnswer(answer, survey.id) === undefined) {
    const comment = commentFromAnswer(answer);
    if (comment !== undefined) {
      recordComment(tx, survey.id, comment, now);
      awaitClosingAnswer(tx, { conversationId, until: null, now });
      return sendSurveyText(tx, conversationId, settings, 'thanks', survey.language, deps);
    }
  }
  // Not an answer: a new request. Reopen so people see it, like any customer message after a resolve.
  abandonClosingAnswer(tx, { conversationId, now });
  changeConversationStatus(
    { conversationId, status: 'open', actor: { id: null, name: 'Rasil' }, explanation: { key: 'csat.event.reopened', vars: {} } },
    { db: tx, clock: deps.clock, newId: deps.newId },
  );
  return false;
}

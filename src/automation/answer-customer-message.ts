import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import type { Logger } from '../platform/logger';
import { isAppError } from '../platform/errors';
import type { BusinessCalendar } from '../business-hours/calendar';
import { getBusinessSettings } from '../settings/business-settings';
import { mayQueueAutomaticMessage } from '../conversations/automatic-message-budget';
import { queueOutboundMessage } from '../conversations/queue-outbound-message';
import { handOverToHuman } from '../conversations/hand-over-to-human';
import { runMenuBot } from './menu-bot/run-menu-bot';
import { chooseAutoReply, type AutoReplyDecision } from './choose-auto-reply';
import { getAutoReplyConfig } from './auto-replies.repository';
import { rulesForInbox } from './keyword-rules.repository';
import { findCustomerMessage } from './auto-reply-facts.repository';
import { readAutoReplyFacts } from './read-auto-reply-facts';
import { buildAutoReplyContent } from './build-auto-reply-content';
import { replyLanguageFor } from './reply-language';
import type { Random } from './pick-variant';

export interface AnswerDeps {
  clock: Clock;
  newId: NewId;
  logger: Logger;
  random: Random;
  calendarFor: (db: Db, inboxId: string) => BusinessCalendar | undefined;
}

export interface AnswerResult {
  /** Automatic messages queued (the outbox needs waking after commit). */
  queued: number;
  /** The conversation's inbox, when something changed that open tabs should see. */
  inboxId?: string;
  handedOver?: boolean;
  decision?: AutoReplyDecision;
  afterCommit?: () => void;
}

/**
 * Automation's answer to one customer message, in the handler's transaction: the menu bot first (when it takes the
 * message nobody else speaks), then welcome, keyword reply and out-of-hours as chooseAutoReply decides. Each message
 * asks the 24-hour budget again right before queueing; a refused send (window closed, no recipient) is skipped.
 */
export function answerCustomerMessage(tx: Db, deps: AnswerDeps, input: { conversationId: string; messageId: string }): AnswerResult {
  const now = deps.clock.now();
  const message = findCustomerMessage(tx, input.conversationId, input.messageId);
  if (!message || message.status === 'resolved') return { queued: 0 };

  const bot = runMenuBot(tx, deps, { conversationId: input.conversationId, messageId: input.messageId, now });
  if (bot.handled) return { queued: 0, afterCommit: bot.afterCommit };

  const config = getAutoReplyConfig(tx, message.inboxId);
  const rules = rulesForInbox(tx, message.inboxId);
  // Nothing switched on for this number: skip the dozen queries of the facts (this runs for every customer message).
  if (!config.welcome.enabled && !config.outOfHours.enabled && rules.length === 0) return { queued: 0 };
  const calendar = deps.calendarFor(tx, message.inboxId);
  const facts = readAutoReplyFacts(tx, message, input.messageId, { calendar, rules }, now);
  const decision = chooseAutoReply(facts, config, now);
  const language = replyLanguageFor(message.contactLocale, getBusinessSettings(tx).defaultLocale);

  let queued = 0;
  for (const reply of decision.replies) {
    const built = buildAutoReplyContent(reply, { config, language, calendar, now, random: deps.random });
    if (!built || !mayQueueAutomaticMessage(tx, message.contactId, now, facts.limit)) continue;
    try {
      queueOutboundMessage(
        { conversationId: input.conversationId, author: { type: 'automation', id: null }, content: built.content, automationRule: built.rule },
        { db: tx, clock: deps.clock, newId: deps.newId },
      );
      queued++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.logger.info('automatic reply not sent', { conversationId: input.conversationId, reply: reply.type, code: error.code });
    }
  }
  const handedOver =
    decision.matchedRule?.handOver === true &&
    handOverToHuman(
      tx,
      { conversationId: input.conversationId, reason: 'keyword', explanation: { key: 'automation.event.handedOver', vars: { rule: decision.matchedRule.name } } },
      { newId: deps.newId, now },
    );
  deps.logger.debug('automation decided', { conversationId: input.conversationId, queued, handedOver, skipped: decision.skipped });
  return { queued, decision, inboxId: message.inboxId, handedOver };
}

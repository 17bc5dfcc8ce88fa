import type { Db } from '../platform/db/client';
import type { BusinessCalendar } from '../business-hours/calendar';
import { isOpenAt } from '../business-hours/business-hours';
import { automaticMessagesInLastDay } from '../conversations/automatic-message-budget';
import { daysBetween, type AutoReplyFacts } from './choose-auto-reply';
import { getAutomaticMessageLimit } from '../settings/automatic-message-limit';
import type { KeywordRule } from './keyword-rule';
import { OUT_OF_HOURS_RULE } from './auto-reply-config';
import { hasEarlierCustomerMessage, lastAgentReplyAt, lastAssignedByPerson, lastAutomaticReplyAt, previousConversationActivity, type findCustomerMessage } from './auto-reply-facts.repository';

type CustomerMessage = NonNullable<ReturnType<typeof findCustomerMessage>>;

/** Everything chooseAutoReply needs to know about one customer message, read in the handler's transaction. */
export function readAutoReplyFacts(
  tx: Db,
  message: CustomerMessage,
  messageId: string,
  { calendar, rules }: { calendar: BusinessCalendar | undefined; rules: KeywordRule[] },
  now: number,
): AutoReplyFacts {
  const previous = previousConversationActivity(tx, message.inboxId, message.contactId, message.conversationId);
  return {
    newConversation: !hasEarlierCustomerMessage(tx, message.conversationId, { id: messageId, createdAt: message.messageCreatedAt }),
    firstContact: previous === undefined,
    daysSinceLastConversation: previous === undefined ? null : daysBetween(previous, message.createdAt),
    open: calendar === undefined || isOpenAt(calendar, now),
    lastOutOfHoursAt: lastAutomaticReplyAt(tx, message.conversationId, OUT_OF_HOURS_RULE),
    lastAgentReplyAt: lastAgentReplyAt(tx, message.conversationId),
    withBot: message.withBot,
    // Taken by a person: assigned by someone (not routing), or an agent already answered the assignee's way.
    humanAssigned: message.assigneeId !== null && (message.firstResponseAt !== null || lastAssignedByPerson(tx, message.conversationId)),
    automaticSentLast24h: automaticMessagesInLastDay(tx, message.contactId, now),
    limit: getAutomaticMessageLimit(tx),
    text: message.body,
    rules,
  };
}

import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { WakeName } from '../platform/wake';
import type { LiveHub, LiveEvent } from '../platform/live-hub';
import type { EventHandler } from '../platform/events/event-dispatcher';
import { isEvent } from '../platform/events/event-store';
import type { BusinessCalendar } from '../business-hours/calendar';
import { answerCustomerMessage } from './answer-customer-message';
import type { Random } from './pick-variant';

export interface AutomationHandlerDeps {
  clock: Clock;
  newId: NewId;
  logger: Logger;
  wake?: (name: WakeName) => void;
  /** Open tabs see automatic replies and hand-offs as they happen. */
  live?: Pick<LiveHub, 'publish'>;
  /** The inbox's opening hours (none = always open); handed down by the composition root. */
  calendarFor: (db: Db, inboxId: string) => BusinessCalendar | undefined;
  /** Picks keyword reply variants; tests seed it. */
  random?: Random;
}

/**
 * Automation's reaction to customers: every live customer message (`message.received`) gets the menu bot, then
 * welcome, keyword and out-of-hours replies. `conversation.opened` is subscribed for order only: the same
 * transaction always appends the opening message's `message.received`, which carries the decision, so reacting to
 * both would answer twice. Runs first among the handlers, so a reply is queued before routing picks an agent.
 */
export function createAutomationHandler(deps: AutomationHandlerDeps): EventHandler {
  const answerDeps = { clock: deps.clock, newId: deps.newId, logger: deps.logger.child({ component: 'automation' }), random: deps.random ?? Math.random, calendarFor: deps.calendarFor };
  return {
    name: 'automation',
    on: ['conversation.opened', 'message.received'],
    handle(tx, events) {
      let queued = 0;
      const effects: (() => void)[] = [];
      const facts: LiveEvent[] = [];
      for (const event of events) {
        if (!isEvent(event, 'message.received') || !event.conversationId) continue;
        const conversationId = event.conversationId;
        const result = answerCustomerMessage(tx, answerDeps, { conversationId, messageId: event.payload.messageId });
        queued += result.queued;
        if (result.afterCommit) effects.push(result.afterCommit);
        if (result.inboxId && result.queued > 0) facts.push({ type: 'message.created', conversationId, inboxId: result.inboxId, direction: 'outbound' });
        if (result.inboxId && result.handedOver) facts.push({ type: 'conversation.changed', conversationId, inboxId: result.inboxId });
      }
      if (queued === 0 && effects.length === 0 && facts.length === 0) return;
      return () => {
        if (queued > 0) deps.wake?.('outbox');
        for (const fact of facts) deps.live?.publish(fact);
        for (const effect of effects) effect();
      };
    },
  };
}

import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import { runInTransaction } from '../platform/db/client';
import type { EventHandler } from '../platform/events/event-dispatcher';
import { isEvent } from '../platform/events/event-store';
import { getBusinessSettings } from '../settings/business-settings';
import { reportPresenceLog } from './reports.tables';
import { conversationsWithoutMetrics, refreshConversationMetrics } from './refresh-conversation-metrics';

/**
 * Keeps the reports read model current: every event that changes a conversation's figures recomputes that
 * conversation's row in the same transaction as the handler's cursor, and presence changes are kept as history
 * (online time). Registered after every other handler, so it sees the state they leave behind.
 */
export function createReportMetricsHandler(deps: { clock: Clock }): EventHandler {
  return {
    name: 'reports.metrics',
    on: [
      'conversation.opened',
      'message.received',
      'message.queued',
      'conversation.status_changed',
      'conversation.assigned',
      'conversation.handed_over',
      'conversation.requeued',
      'agent.availability_changed',
    ],
    handle(tx, events) {
      const changed: string[] = [];
      for (const event of events) {
        if (isEvent(event, 'agent.availability_changed')) {
          tx.insert(reportPresenceLog).values({ userId: event.payload.userId, status: event.payload.status, at: event.createdAt }).run();
        } else if (event.conversationId) changed.push(event.conversationId);
      }
      if (changed.length > 0) refreshConversationMetrics(tx, changed, { now: deps.clock.now(), timeZone: getBusinessSettings(tx).timeZone });
    },
  };
}

/**
 * Fills in conversations that have no reports row yet (history from before reports existed); the job calls it
 * every minute until none are left. Returns how many were computed.
 */
export function backfillReportMetrics(deps: { db: Db; clock: Clock }, limit = 2000): number {
  const ids = conversationsWithoutMetrics(deps.db, limit);
  if (ids.length === 0) return 0;
  runInTransaction(deps.db, (tx) => refreshConversationMetrics(tx, ids, { now: deps.clock.now(), timeZone: getBusinessSettings(tx).timeZone }));
  return ids.length;
}

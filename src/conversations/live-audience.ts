import { and, count, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { LiveEvent } from '../live/live-events';
import { conversations } from './conversations.tables';
import { canViewConversation, visibleConversationFilter, type InboxViewer } from './inbox-access';
import { findConversationSummary } from './conversation-views.repository';
import { contactDisplayName } from './conversation-view';

/**
 * What one open tab is told about a live event: nothing when the inbox rule (inbox-access.ts) hides the
 * conversation from the viewer. A new customer message in a conversation assigned to the viewer is marked `forMe`
 * with the contact's name (never the message text) for the desktop notification.
 */
export function liveDeliveryFor(db: Db, viewer: InboxViewer, event: LiveEvent): Record<string, unknown> | null {
  if (event.type === 'presence.changed') return { type: event.type, userId: event.userId, status: event.status };
  if (event.type === 'notification.created') return event.userId === viewer.user.id ? { type: event.type } : null;
  const summary = findConversationSummary(db, event.conversationId);
  if (!summary || !canViewConversation(db, viewer, summary)) return null;
  const delivery: Record<string, unknown> = { type: event.type, conversationId: event.conversationId };
  if (event.type === 'message.created' && event.direction === 'inbound' && summary.assigneeId === viewer.user.id) {
    delivery.forMe = true;
    delivery.contactName = contactDisplayName(summary);
  }
  return delivery;
}

/** The nav badge: open or pending conversations with unread customer messages, mine or unassigned, that I may see. */
export function countUnreadConversations(db: Db, viewer: InboxViewer): number {
  const row = db
    .select({ total: count() })
    .from(conversations)
    .where(
      and(
        gt(conversations.unreadCount, 0),
        inArray(conversations.status, ['open', 'pending']),
        or(eq(conversations.assigneeId, viewer.user.id), isNull(conversations.assigneeId)),
        visibleConversationFilter(viewer),
      ),
    )
    .get();
  return row?.total ?? 0;
}

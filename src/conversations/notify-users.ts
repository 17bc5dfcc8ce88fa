import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { notifications, type NotificationKind } from './notifications.tables';

/**
 * In-app notifications for several users about one conversation (SLA warnings, breaches, escalations), written in
 * the caller's transaction. `messageId` points at the timeline line that explains it. Returns who was notified,
 * each once, so the caller can publish `notification.created` after the commit.
 */
export function notifyUsers(
  db: Db,
  input: { userIds: readonly string[]; kind: NotificationKind; conversationId: string; messageId: string | null },
  deps: { newId: NewId; now: number },
): string[] {
  const userIds = [...new Set(input.userIds)];
  for (const userId of userIds) {
    db.insert(notifications).values({ id: deps.newId('ntf'), userId, kind: input.kind, conversationId: input.conversationId, messageId: input.messageId, createdAt: deps.now }).run();
  }
  return userIds;
}

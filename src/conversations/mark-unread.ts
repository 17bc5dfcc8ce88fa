import { eq, sql } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { conversations } from './conversations.tables';
import { actableConversation, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';

/**
 * Flags a conversation as unread again ("come back to this"). No timeline line: it is a reading marker, not a change
 * to the conversation anyone else needs to see explained.
 */
export function markUnread(input: { conversationId: string; actor: ChangeActor }, deps: ChangeDeps): { changed: boolean } {
  const conversation = runInTransaction(deps.db, (tx) => {
    const found = actableConversation(tx, input.actor, input.conversationId);
    tx.update(conversations)
      .set({ unreadCount: sql`max(${conversations.unreadCount}, 1)`, updatedAt: deps.clock.now() })
      .where(eq(conversations.id, found.id))
      .run();
    return found;
  });
  publishChanged(deps, [conversation]);
  return { changed: true };
}

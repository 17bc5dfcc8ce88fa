import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { messages } from './conversations.tables';
import { findConversation } from './conversations.repository';
import { createConversationNotFoundError, createInvalidOutboundError } from './conversations.errors';
import { getNoteLimit } from './note-settings';
import { parseMentions } from './mentions';
import { mentionableUsers } from './notifications.repository';
import { mentions, notifications } from './notifications.tables';
import { indexMessage } from './search/search-index';

/**
 * An agent's internal note in the timeline: seen by the team only, never queued for WhatsApp, and it neither moves
 * the conversation up the list nor changes its preview. Mentioned teammates who can see the inbox are notified
 * (never the author); the caller tells open tabs. The length limit is the admin's setting (notes-settings), counted in code points.
 */
export function addInternalNote(
  input: { conversationId: string; authorId: string; text: string },
  deps: { db: Db; clock: Clock; newId: NewId },
): { messageId: string; notifiedUserIds: string[] } {
  const raw = input.text.trim();
  if (!raw) throw createInvalidOutboundError('inbox.note.required');
  return runInTransaction(deps.db, (tx) => {
    const conversation = findConversation(tx, input.conversationId);
    if (!conversation) throw createConversationNotFoundError();
    const { text, userIds } = parseMentions(raw, mentionableUsers(tx, conversation));
    const max = getNoteLimit(tx);
    if ([...text].length > max) throw createInvalidOutboundError('inbox.note.tooLong', { max });
    const now = deps.clock.now();
    const messageId = deps.newId('msg');
    tx.insert(messages)
      .values({ id: messageId, conversationId: input.conversationId, direction: 'out', authorType: 'agent', authorId: input.authorId, kind: 'note', body: text, status: 'sent', statusAt: now, sentAt: now, createdAt: now })
      .run();
    indexMessage(tx, { id: messageId, conversationId: input.conversationId, kind: 'note', body: text });
    const notified = userIds.filter((id) => id !== input.authorId);
    for (const userId of userIds) tx.insert(mentions).values({ messageId, userId }).run();
    for (const userId of notified) {
      tx.insert(notifications).values({ id: deps.newId('ntf'), userId, kind: 'mention', conversationId: input.conversationId, messageId, createdAt: now }).run();
    }
    return { messageId, notifiedUserIds: notified };
  });
}

import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { messages } from './conversations.tables';
import { findConversation } from './conversations.repository';
import { createConversationNotFoundError, createInvalidOutboundError } from './conversations.errors';

export const NOTE_LIMIT = 4096;

/**
 * An agent's internal note in the timeline: seen by the team only, never queued for WhatsApp, and it neither moves
 * the conversation up the list nor changes its preview.
 */
export function addInternalNote(input: { conversationId: string; authorId: string; text: string }, deps: { db: Db; clock: Clock; newId: NewId }): { messageId: string } {
  const text = input.text.trim();
  if (!text) throw createInvalidOutboundError('inbox.note.required');
  if ([...text].length > NOTE_LIMIT) throw createInvalidOutboundError('inbox.note.tooLong', { max: NOTE_LIMIT });
  return runInTransaction(deps.db, (tx) => {
    if (!findConversation(tx, input.conversationId)) throw createConversationNotFoundError();
    const now = deps.clock.now();
    const messageId = deps.newId('msg');
    tx.insert(messages)
      .values({ id: messageId, conversationId: input.conversationId, direction: 'out', authorType: 'agent', authorId: input.authorId, kind: 'note', body: text, status: 'sent', statusAt: now, sentAt: now, createdAt: now })
      .run();
    return { messageId };
  });
}

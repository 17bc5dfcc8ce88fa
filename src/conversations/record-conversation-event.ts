import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { messages } from './conversations.tables';
import { findLatestConversation } from './conversations.repository';
import { findMessageByWaId } from './messages.repository';

export interface ConversationEventInput {
  inboxId: string;
  contactId: string;
  /** WhatsApp's id for the notice, when it has one: makes a replayed webhook a no-op. */
  waMessageId: string | null;
  /** `{ event: 'number_changed', … }` — see EventContent in message-content.ts. */
  content: { event: string } & Record<string, unknown>;
  body: string;
  at: number;
}

/**
 * Puts a system notice (number changed, identity changed…) in the contact's latest conversation in that inbox,
 * whatever its status. Returns null when there is no conversation to put it in (nothing to tell anyone yet).
 */
export function recordConversationEvent(input: ConversationEventInput, deps: { db: Db; newId: NewId; now: number }): { messageId: string; duplicate: boolean } | null {
  if (input.waMessageId) {
    const existing = findMessageByWaId(deps.db, input.waMessageId);
    if (existing) return { messageId: existing.id, duplicate: true };
  }
  const conversation = findLatestConversation(deps.db, input.inboxId, input.contactId);
  if (!conversation) return null;
  const id = deps.newId('msg');
  deps.db
    .insert(messages)
    .values({
      id,
      conversationId: conversation.id,
      direction: 'in',
      authorType: 'system',
      kind: 'event',
      body: input.body,
      content: JSON.stringify(input.content),
      waMessageId: input.waMessageId,
      status: 'received',
      statusAt: input.at,
      sentAt: input.at,
      createdAt: deps.now,
    })
    .run();
  return { messageId: id, duplicate: false };
}

/**
 * An agent's change to a known conversation (assigned, transferred, snoozed, labelled…) as an `event` line in its
 * timeline, written in the caller's transaction. `content.event` names the change; message-detail.ts maps it to text.
 */
export function recordActionEvent(
  db: Db,
  input: { conversationId: string; actorId: string | null; content: { event: string } & Record<string, unknown>; body?: string },
  deps: { newId: NewId; now: number },
): string {
  const id = deps.newId('msg');
  db.insert(messages)
    .values({
      id,
      conversationId: input.conversationId,
      direction: 'out',
      authorType: 'system',
      authorId: input.actorId,
      kind: 'event',
      body: input.body ?? '',
      content: JSON.stringify(input.content),
      status: 'sent',
      statusAt: deps.now,
      sentAt: deps.now,
      createdAt: deps.now,
    })
    .run();
  return id;
}

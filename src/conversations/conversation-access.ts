import type { Db } from '../platform/db/client';
import type { Role } from '../accounts/accounts.tables';
import { findConversation, type Conversation } from './conversations.repository';
import { createConversationNotFoundError } from './conversations.errors';
import { canActOnConversation, canViewConversation } from './inbox-access';

type Viewer = { user: { id: string; role: Role } } | undefined;

/**
 * THE one check for "may this person see this conversation (and its messages and files)", by the inbox rule in
 * inbox-access.ts. A refusal looks exactly like a missing conversation (404), so ids of other inboxes reveal nothing.
 */
export function ensureCanViewConversation(db: Db, viewer: Viewer, conversationId: string): Conversation {
  const conversation = findConversation(db, conversationId);
  if (!conversation || !canViewConversation(db, viewer, conversation)) throw createConversationNotFoundError();
  return conversation;
}

/** For state changes: the same 404 when the viewer may not act on it. */
export function ensureCanActOnConversation(db: Db, viewer: Viewer, conversationId: string): Conversation {
  const conversation = findConversation(db, conversationId);
  if (!conversation || !canActOnConversation(db, viewer, conversation)) throw createConversationNotFoundError();
  return conversation;
}

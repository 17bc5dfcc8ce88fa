import type { Db } from '../platform/db/client';
import type { Role } from '../accounts/accounts.tables';
import { findConversation, type Conversation } from './conversations.repository';
import { createConversationNotFoundError } from './conversations.errors';

const INBOX_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent'];

/**
 * THE one check for "may this person see this conversation (and its messages and files)". For now any inbox user
 * sees every conversation; per-inbox membership will tighten it here. A refusal looks exactly like a missing
 * conversation (404), so ids of other inboxes reveal nothing.
 */
export function ensureCanViewConversation(db: Db, viewer: { user: { id: string; role: Role } } | undefined, conversationId: string): Conversation {
  const conversation = findConversation(db, conversationId);
  if (!conversation || !viewer || !INBOX_ROLES.includes(viewer.user.role)) throw createConversationNotFoundError();
  return conversation;
}

import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { updateContact, type ContactEdit } from '../contacts/update-contact';
import { recordActionEvent } from './record-conversation-event';
import { findConversation } from './conversations.repository';
import { createConversationNotFoundError } from './conversations.errors';
import { activeAgents } from './contact-sidebar-view';
import { indexContact } from './search/search-index';

/**
 * Saves the sidebar's edit of the conversation's contact and leaves a light "Contact updated by …" line in the
 * timeline (no values: attributes may be private). Returns false when the chosen owner is not an active teammate.
 */
export function editConversationContact(
  input: { conversationId: string; edit: ContactEdit; actor: { id: string; name: string } },
  deps: { db: Db; clock: Clock; newId: NewId },
): boolean {
  return runInTransaction(deps.db, (tx) => {
    const conversation = findConversation(tx, input.conversationId);
    if (!conversation) throw createConversationNotFoundError();
    if (input.edit.ownerAgentId && !activeAgents(tx).some((a) => a.id === input.edit.ownerAgentId)) return false;
    const now = deps.clock.now();
    updateContact(tx, conversation.contactId, input.edit, now);
    indexContact(tx, conversation.contactId);
    recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: 'contact_updated', actor: input.actor.name } }, { newId: deps.newId, now });
    return true;
  });
}

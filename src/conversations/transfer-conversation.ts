import { runInTransaction } from '../platform/db/client';
import { messages } from './conversations.tables';
import { applyAssignment } from './assign-conversation';
import { publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';
import { createTransferTargetError } from './conversation-changes.errors';
import { createInvalidOutboundError } from './conversations.errors';
import { indexMessage } from './search/search-index';
import { getNoteLimit } from './note-settings';

export interface TransferInput {
  conversationId: string;
  /** Exactly one of them: to an agent (keeps the team), or to a team's queue (nobody assigned). */
  to: { assigneeId: string } | { teamId: string };
  /** Why, for whoever picks it up: an internal note. */
  note: string;
  actor: ChangeActor;
  overrideCapacity?: boolean;
}

/** Hands a conversation over with a note, in one transaction: the assignment events, then the note. */
export function transferConversation(input: TransferInput, deps: ChangeDeps): { changed: boolean } {
  const note = input.note.trim();
  const max = getNoteLimit(deps.db);
  if ([...note].length > max) throw createInvalidOutboundError('inbox.note.tooLong', { max });
  const result = runInTransaction(deps.db, (tx) => {
    const target = 'assigneeId' in input.to ? { assigneeId: input.to.assigneeId } : { teamId: input.to.teamId, assigneeId: null };
    const assigned = applyAssignment(tx, { conversationId: input.conversationId, ...target, actor: input.actor, overrideCapacity: input.overrideCapacity }, deps);
    if (!assigned.changed) throw createTransferTargetError();
    if (note) {
      const now = deps.clock.now();
      const id = deps.newId('msg');
      tx.insert(messages)
        .values({ id, conversationId: input.conversationId, direction: 'out', authorType: 'agent', authorId: input.actor.id, kind: 'note', body: note, status: 'sent', statusAt: now, sentAt: now, createdAt: now })
        .run();
      indexMessage(tx, { id, conversationId: input.conversationId, kind: 'note', body: note });
    }
    return assigned;
  });
  publishChanged(deps, [result.conversation]);
  return { changed: true };
}

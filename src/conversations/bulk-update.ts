import { runInTransaction } from '../platform/db/client';
import type { ConversationStatus } from './conversations.tables';
import type { Priority } from './list-query';
import type { Conversation } from './conversations.repository';
import { applyAssignment } from './assign-conversation';
import { applyPriority } from './set-priority';
import { applyLabels } from './set-labels';
import { changeConversationStatus } from './change-conversation-status';
import { actableConversation, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';

export const BULK_LIMIT = 100;

export type BulkAction =
  | { type: 'assign'; assigneeId: string | null }
  | { type: 'status'; status: Exclude<ConversationStatus, 'snoozed'> }
  | { type: 'label'; labelId: string }
  | { type: 'priority'; priority: Priority };

/**
 * Changes (assign, status, label, priority) to many conversations from the list, all or nothing: each one is
 * access-checked and changed in a single transaction, so one refusal (not yours to change, agent at capacity,
 * unknown label) leaves every row as it was.
 */
export function bulkUpdate(input: { conversationIds: string[]; actions: BulkAction[]; actor: ChangeActor }, deps: ChangeDeps): { changed: number } {
  const ids = [...new Set(input.conversationIds)].slice(0, BULK_LIMIT);
  const changed = runInTransaction(deps.db, (tx) => {
    const touched = new Map<string, Conversation>();
    for (const conversationId of ids) for (const action of input.actions) {
      const scoped = { ...deps, db: tx };
      let result: { changed: boolean; conversation: Conversation };
      if (action.type === 'assign') result = applyAssignment(tx, { conversationId, assigneeId: action.assigneeId, actor: input.actor }, scoped);
      else if (action.type === 'priority') result = applyPriority(tx, { conversationId, priority: action.priority, actor: input.actor }, scoped);
      else if (action.type === 'label') result = applyLabels(tx, { conversationId, add: [action.labelId], remove: [], actor: input.actor }, scoped);
      else {
        const conversation = actableConversation(tx, input.actor, conversationId);
        result = { conversation, ...changeConversationStatus({ conversationId, status: action.status, actor: input.actor }, scoped) };
      }
      if (result.changed) touched.set(conversationId, result.conversation);
    }
    return [...touched.values()];
  });
  publishChanged(deps, changed);
  return { changed: changed.length };
}

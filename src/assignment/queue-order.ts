import { priorityRank, type ConversationToAssign } from './assignment-policy';

export type QueuedConversation = Pick<ConversationToAssign, 'id' | 'vip' | 'priority' | 'waitingSince'>;

/** Team queue order: VIP first, then urgent > high > normal > low, then waiting longest, then id (stable ties). */
export function compareQueued(a: QueuedConversation, b: QueuedConversation): number {
  return (
    Number(b.vip) - Number(a.vip) ||
    priorityRank(b.priority) - priorityRank(a.priority) ||
    a.waitingSince - b.waitingSince ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A sorted copy; the input is left as it was. */
export function orderQueue<T extends QueuedConversation>(queue: readonly T[]): T[] {
  return [...queue].sort(compareQueued);
}

/**
 * The conversation to offer next when capacity frees. `canTake` lets the caller skip ones the freed agent cannot
 * serve (a skill they lack, a conversation they were released from), so one such conversation never blocks the rest.
 */
export function nextFromQueue<T extends QueuedConversation>(queue: readonly T[], canTake: (conversation: T) => boolean = () => true): T | undefined {
  let best: T | undefined;
  for (const conversation of queue) {
    if (canTake(conversation) && (best === undefined || compareQueued(conversation, best) < 0)) best = conversation;
  }
  return best;
}

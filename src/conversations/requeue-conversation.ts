import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { appendEvent } from '../platform/events/event-store';
import { conversations } from './conversations.tables';
import { deleteLock } from './locks.repository';
import { recordActionEvent } from './record-conversation-event';

export interface RequeueInput {
  conversationId: string;
  /** The agent it is taken from; nothing happens unless they still have it. */
  fromAgentId: string;
  /** `idle_released`, `agent_away`… carried by `conversation.requeued`. */
  reason: string;
  /** The timeline line (`{ event: … }`) saying why. */
  content: { event: string } & Record<string, unknown>;
  body?: string;
}

/**
 * Takes a conversation back from its agent into its team's queue (waiting from now), in the caller's transaction,
 * and keeps that agent out of the next offer. Assignment reacts to `conversation.requeued` at once. Returns false
 * when someone else has it by now.
 */
export function requeueConversation(tx: Db, input: RequeueInput, deps: { newId: NewId; now: number }): boolean {
  const { now } = deps;
  const changed = tx
    .update(conversations)
    .set({ assigneeId: null, excludedAgentId: input.fromAgentId, queuedAt: now, updatedAt: now })
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.assigneeId, input.fromAgentId)))
    .returning({ id: conversations.id })
    .all();
  if (changed.length === 0) return false;
  recordActionEvent(tx, { conversationId: input.conversationId, actorId: null, content: input.content, body: input.body }, deps);
  deleteLock(tx, input.conversationId);
  appendEvent(tx, { type: 'conversation.requeued', conversationId: input.conversationId, payload: { fromAgentId: input.fromAgentId, reason: input.reason }, at: now });
  return true;
}

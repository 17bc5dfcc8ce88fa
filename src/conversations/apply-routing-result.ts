import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { conversations } from './conversations.tables';
import { conversationLabels, labels } from './labels.tables';
import { recordActionEvent } from './record-conversation-event';
import { findConversation } from './conversations.repository';
import type { Priority } from './list-query';

const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export interface RoutingOutcome {
  conversationId: string;
  /** The rule's team, else the inbox's default; null leaves the conversation without a team. */
  teamId: string | null;
  /** Only ever raises: routing never lowers a priority someone already set. */
  priority?: Priority;
  /** Label ids; ones deleted since the rule was saved are skipped. */
  labelIds?: readonly string[];
  requiredSkill?: string;
  explanation: TimelineText;
}

/**
 * Routing's one write to a conversation, by the system (no actor, no role checks), in the caller's transaction:
 * team, priority, labels and skill, stamped routed and queued, with one timeline line saying why. A conversation
 * already routed is left alone, so a replayed event changes nothing.
 */
export function applyRoutingResult(tx: Db, outcome: RoutingOutcome, deps: { newId: NewId; now: number }): { applied: boolean } {
  const conversation = findConversation(tx, outcome.conversationId);
  if (!conversation || conversation.routedAt !== null) return { applied: false };
  const raise = outcome.priority && PRIORITY_RANK[outcome.priority] > PRIORITY_RANK[conversation.priority] ? outcome.priority : undefined;
  tx.update(conversations)
    .set({
      teamId: outcome.teamId ?? conversation.teamId,
      ...(raise ? { priority: raise } : {}),
      ...(outcome.requiredSkill ? { requiredSkill: outcome.requiredSkill } : {}),
      routedAt: deps.now,
      // Someone may have taken it by hand before routing ran: then it is not waiting in a queue.
      queuedAt: conversation.assigneeId === null ? deps.now : conversation.queuedAt,
      updatedAt: deps.now,
    })
    .where(eq(conversations.id, conversation.id))
    .run();
  for (const labelId of outcome.labelIds ?? []) {
    if (!tx.select({ id: labels.id }).from(labels).where(eq(labels.id, labelId)).get()) continue;
    tx.insert(conversationLabels).values({ conversationId: conversation.id, labelId }).onConflictDoNothing().run();
  }
  recordActionEvent(tx, { conversationId: conversation.id, actorId: null, content: { event: 'routed', explanation: outcome.explanation } }, deps);
  return { applied: true };
}


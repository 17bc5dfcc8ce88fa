import { and, desc, eq, isNotNull, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import { getInboxBehaviour } from '../settings/inbox-behaviour';
import { conversations, messages } from './conversations.tables';
import { userName } from './locks.repository';
import { requeueConversation } from './requeue-conversation';
import { isIdle } from './idle-release';

export interface ReleaseIdleDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  live?: LiveHub;
}

/** Direction of the last message the customer wrote or received; notes, system events and automatic notices answer nobody. */
function lastMessageDirection(db: Db, conversationId: string): 'in' | 'out' | null {
  const row = db
    .select({ direction: messages.direction })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), notInArray(messages.kind, ['note', 'event']), notInArray(messages.authorType, ['system', 'automation'])))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1)
    .get();
  return row?.direction ?? null;
}

/** When the conversation was last assigned (a person's `assigned` line or the assigner's decision): a new assignee gets the full limit. */
function lastAssignedAt(db: Db, conversationId: string): number | null {
  const row = db
    .select({ at: messages.sentAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.kind, 'event'), sql`(json_extract(${messages.content}, '$.event') = 'assigned' or (json_extract(${messages.content}, '$.event') = 'assignment_decision' and json_extract(${messages.content}, '$.assigneeId') is not null))`))
    .orderBy(desc(messages.sentAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}

/**
 * The idle-release job (every 30 s): conversations whose assignee left a waiting customer alone for the configured
 * minutes go back to the queue. The timeline says so and keeps `releasedAgentId`, so routing can skip that agent.
 */
export function releaseIdleConversations(deps: ReleaseIdleDeps): { released: string[] } {
  const minutes = getInboxBehaviour(deps.db).idleReleaseMinutes;
  if (minutes <= 0) return { released: [] };
  const now = deps.clock.now();
  const cutoff = now - minutes * 60_000;
  const candidates = deps.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.status, 'open'),
        isNotNull(conversations.assigneeId),
        lte(conversations.lastInboundAt, cutoff),
        or(isNull(conversations.lastAgentActivityAt), lte(conversations.lastAgentActivityAt, cutoff)),
      ),
    )
    .all();
  const released: { id: string; inboxId: string }[] = [];
  for (const candidate of candidates) {
    const conversation = { ...candidate, lastMessageDirection: lastMessageDirection(deps.db, candidate.id) };
    const lastAgentActivityAt = Math.max(candidate.lastAgentActivityAt ?? 0, lastAssignedAt(deps.db, candidate.id) ?? 0) || null;
    if (!isIdle({ conversation, lastAgentActivityAt, now, minutes })) continue;
    const agentId = candidate.assigneeId!;
    const done = runInTransaction(deps.db, (tx) => {
      const agent = userName(tx, agentId);
      // Back in its team's queue, never offered to the same agent again; assignment reacts to conversation.requeued.
      return requeueConversation(
        tx,
        {
          conversationId: candidate.id,
          fromAgentId: agentId,
          reason: 'idle_released',
          content: { event: 'idle_released', releasedAgentId: agentId, agent, minutes },
          body: `Returned to the queue: ${agent} did not reply within ${minutes} minutes`,
        },
        { newId: deps.newId, now },
      );
    });
    if (done) released.push({ id: candidate.id, inboxId: candidate.inboxId });
  }
  for (const { id, inboxId } of released) {
    deps.live?.publish({ type: 'conversation.changed', conversationId: id, inboxId });
    deps.live?.publish({ type: 'lock.changed', conversationId: id, inboxId });
  }
  return { released: released.map((r) => r.id) };
}

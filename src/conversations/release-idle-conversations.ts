import { and, desc, eq, isNotNull, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import { getInboxBehaviour } from '../settings/inbox-behaviour';
import { conversations, messages } from './conversations.tables';
import { deleteLock, userName } from './locks.repository';
import { recordActionEvent } from './record-conversation-event';
import { isIdle } from './idle-release';

export interface ReleaseIdleDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  live?: LiveHub;
}

/** Direction of the last message the customer wrote or received; notes and system events do not answer anyone. */
function lastMessageDirection(db: Db, conversationId: string): 'in' | 'out' | null {
  const row = db
    .select({ direction: messages.direction })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), notInArray(messages.kind, ['note', 'event']), ne(messages.authorType, 'system')))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1)
    .get();
  return row?.direction ?? null;
}

/** When the conversation was last assigned (its timeline's `assigned` line): a new assignee gets the full limit. */
function lastAssignedAt(db: Db, conversationId: string): number | null {
  const row = db
    .select({ at: messages.sentAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.kind, 'event'), sql`json_extract(${messages.content}, '$.event') = 'assigned'`))
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
      // Only if nobody reassigned it meanwhile.
      const changed = tx
        .update(conversations)
        .set({ assigneeId: null, updatedAt: now })
        .where(and(eq(conversations.id, candidate.id), eq(conversations.assigneeId, agentId)))
        .returning({ id: conversations.id })
        .all();
      if (!changed.length) return false;
      const agent = userName(tx, agentId);
      recordActionEvent(
        tx,
        {
          conversationId: candidate.id,
          actorId: null,
          content: { event: 'idle_released', releasedAgentId: agentId, agent, minutes },
          body: `Returned to the queue: ${agent} did not reply within ${minutes} minutes`,
        },
        { newId: deps.newId, now },
      );
      deleteLock(tx, candidate.id);
      return true;
    });
    if (done) released.push({ id: candidate.id, inboxId: candidate.inboxId });
  }
  for (const { id, inboxId } of released) {
    deps.live?.publish({ type: 'conversation.changed', conversationId: id, inboxId });
    deps.live?.publish({ type: 'lock.changed', conversationId: id, inboxId });
  }
  return { released: released.map((r) => r.id) };
}

import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import type { TimelineText } from '../i18n/timeline-text';
import { users } from '../accounts/accounts.tables';
import { agentPresence } from '../live/presence.tables';
import { conversations, messages } from '../conversations/conversations.tables';
import { requeueConversation } from '../conversations/requeue-conversation';
import { getHandBackSettings } from './hand-back-settings';

export interface HandBackDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  live?: Pick<LiveHub, 'publish'>;
}

/**
 * The hand-back job (every 30 s): an agent away or offline for longer than the grace period gives their WAITING
 * conversations (the customer's last message has no agent reply after it) back to the team queue, never to be
 * offered to them again; assignment reacts to `conversation.requeued` at once. Answered conversations stay theirs.
 * Presence is the stored status the presence job keeps, and the grace runs from when it last changed.
 */
export function handBackFromAwayAgents(deps: HandBackDeps): { handedBack: string[] } {
  const { graceMinutes } = getHandBackSettings(deps.db);
  if (graceMinutes <= 0) return { handedBack: [] };
  const now = deps.clock.now();
  const cutoff = now - graceMinutes * 60_000;
  const candidates = deps.db
    .select({ id: conversations.id, inboxId: conversations.inboxId, agentId: conversations.assigneeId, agent: users.name, status: agentPresence.status, lastInboundAt: conversations.lastInboundAt })
    .from(conversations)
    .innerJoin(users, eq(users.id, conversations.assigneeId))
    .leftJoin(agentPresence, eq(agentPresence.userId, conversations.assigneeId))
    .where(
      and(
        eq(conversations.status, 'open'),
        isNotNull(conversations.assigneeId),
        isNotNull(conversations.lastInboundAt),
        // Never seen (no presence row) is offline since forever; a status unchanged since before tracking counts as long.
        or(isNull(agentPresence.userId), and(inArray(agentPresence.status, ['away', 'offline']), or(isNull(agentPresence.statusSince), lte(agentPresence.statusSince, cutoff)))),
      ),
    )
    .all();
  const handedBack: { id: string; inboxId: string }[] = [];
  for (const candidate of candidates) {
    if (!isWaiting(deps.db, candidate.id, candidate.lastInboundAt!)) continue;
    const status = candidate.status ?? 'offline';
    const explanation: TimelineText = { key: 'assigner.event.handedBack', vars: { agent: candidate.agent, status: { key: status === 'away' ? 'assigner.status.away' : 'assigner.status.offline', vars: {} }, minutes: graceMinutes } };
    const done = runInTransaction(deps.db, (tx) =>
      requeueConversation(
        tx,
        { conversationId: candidate.id, fromAgentId: candidate.agentId!, reason: `agent_${status}`, content: { event: 'assignment_decision', explanation, assigneeId: null } },
        { newId: deps.newId, now },
      ),
    );
    if (done) handedBack.push({ id: candidate.id, inboxId: candidate.inboxId });
  }
  for (const { id, inboxId } of handedBack) {
    deps.live?.publish({ type: 'conversation.changed', conversationId: id, inboxId });
    deps.live?.publish({ type: 'lock.changed', conversationId: id, inboxId });
  }
  return { handedBack: handedBack.map((c) => c.id) };
}

/** The customer's last message has no reply from a person after it (automatic notices do not answer anyone). */
function isWaiting(db: Db, conversationId: string, lastInboundAt: number): boolean {
  const answer = db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'), inArray(messages.authorType, ['agent', 'business_app']), sql`${messages.kind} not in ('note', 'event')`, gte(messages.sentAt, lastInboundAt)))
    .limit(1)
    .get();
  return answer === undefined;
}

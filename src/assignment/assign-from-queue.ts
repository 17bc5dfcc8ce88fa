import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../platform/db/prepared';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { appendEvent } from '../platform/events/event-store';
import { teamPolicies } from '../teams/team-policies.tables';
import { conversations } from '../conversations/conversations.tables';
import { recordActionEvent } from '../conversations/record-conversation-event';
import { capacityOf, type AgentState, type ConversationToAssign } from './assignment-policy';
import { assignMany, type ConversationOutcome } from './assign-burst';
import { compareQueued } from './queue-order';
import { explainDecision, explainPriorityChange } from './explain-decision';
import { agentAssignmentStats } from './assignment.tables';
import { loadAgentStates, loadTeam, type AssignmentSnapshot, type LoadedTeam } from './load-assignment-state';
import { agentsWithoutInboxAccess, loadTeamQueue, toAssign, type QueuedRow } from './load-team-queue';
import type { AssignmentNotice } from './customer-notices';

export interface QueueDrain {
  /** Conversations whose row changed (assigned, priority raised), for live updates after commit. */
  changed: { id: string; inboxId: string }[];
  notices: AssignmentNotice[];
}

/**
 * Decides a team's queue in one go, inside the caller's transaction: every assignment is written with its
 * explanation and a `conversation.assigned` event (actor null = Rasil). `fresh` are the ones that just entered the
 * queue (routed, requeued, unassigned): only they get a "waiting" line and a queue notice, so a long queue is not
 * re-explained on every drain.
 */
export function assignFromQueue(snapshot: AssignmentSnapshot, deps: { newId: NewId }, teamId: string, fresh: ReadonlySet<string>): QueueDrain {
  const { db: tx, now } = snapshot;
  const drain: QueueDrain = { changed: [], notices: [] };
  const team = loadTeam(tx, teamId);
  if (!team) return drain;
  const queue = loadTeamQueue(tx, teamId);
  if (queue.length === 0) return drain;
  const members = loadAgentStates(snapshot, team.memberIds, { onlyOnline: team.policy.onlyOnline });
  // Nobody with a free slot: only newcomers need a decision (to explain why they wait); the rest stay as they are.
  const candidates = team.policy.strategy !== 'manual' && hasFreeSlot(members, team) ? queue : queue.filter((row) => fresh.has(row.id));
  if (candidates.length === 0) return drain;
  const owners = candidates.filter((row) => row.vip && row.ownerAgentId && !team.memberIds.includes(row.ownerAgentId)).map((row) => row.ownerAgentId!);
  const agents = owners.length > 0 ? [...members, ...loadAgentStates(snapshot, owners, { onlyOnline: true })] : members;
  const rows = new Map(candidates.map((row) => [row.id, row]));
  const conversationsToAssign = withInboxAccess(tx, candidates, agents).map(({ row, excluded }) => ({ ...toAssign(tx, row), excludedAgentIds: excluded }));
  const result = assignMany({ now, conversations: conversationsToAssign, team, agents });

  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  let positions: Map<string, number> | undefined;
  for (const outcome of result.outcomes) {
    const row = rows.get(outcome.conversationId)!;
    if (outcome.decision.kind === 'assigned') {
      if (applyAssigned(tx, deps, now, row, outcome, nameOf)) {
        drain.changed.push({ id: row.id, inboxId: row.inboxId });
        drain.notices.push({ conversationId: row.id, kind: 'assigned', agentName: nameOf(outcome.decision.agentId) });
      }
      continue;
    }
    if (outcome.priorityRaised) {
      tx.update(conversations).set({ priority: outcome.priority, updatedAt: now }).where(eq(conversations.id, row.id)).run();
      drain.changed.push({ id: row.id, inboxId: row.inboxId });
    }
    if (!fresh.has(row.id)) continue;
    explain(tx, deps, now, row.id, outcome, nameOf, null);
    drain.notices.push({ conversationId: row.id, kind: 'queued', position: (positions ??= queuePositions(queue, result.assignments, result.queued)).get(row.id) ?? 1, teamId });
  }
  if (result.rotation.lastAgentId !== team.rotation.lastAgentId) saveRotation(tx, teamId, result.rotation.lastAgentId, now);
  return drain;
}

function hasFreeSlot(members: readonly AgentState[], team: LoadedTeam): boolean {
  return members.some((agent) => !agent.disabled && agent.onShift && (!team.policy.onlyOnline || agent.status === 'online') && agent.openCount < capacityOf(agent, team.policy));
}

/** Agents who may not see a conversation's inbox join its exclusions (the core knows no other way to skip them). */
function withInboxAccess(tx: Db, rows: readonly QueuedRow[], agents: readonly AgentState[]): { row: QueuedRow; excluded: string[] }[] {
  const ids = agents.map((agent) => agent.id);
  const blocked = new Map<string, Set<string>>();
  return rows.map((row) => {
    let set = blocked.get(row.inboxId);
    if (!set) blocked.set(row.inboxId, (set = agentsWithoutInboxAccess(tx, row.inboxId, ids)));
    const excluded = row.excludedAgentId ? [row.excludedAgentId] : [];
    return { row, excluded: set.size > 0 ? [...new Set([...excluded, ...set])] : excluded };
  });
}

// The per-conversation writes of a burst, prepared once per connection.
const p = (name: string) => sql.placeholder(name);
const assignIfFree = (db: Db) =>
  prepared(db, 'assignment.assignIfFree', (d) =>
    d
      .update(conversations)
      .set({ assigneeId: sql`${p('agentId')}`, queuedAt: null, priority: sql`${p('priority')}`, updatedAt: sql`${p('now')}` })
      .where(and(eq(conversations.id, p('id')), isNull(conversations.assigneeId)))
      .returning({ id: conversations.id })
      .prepare(),
  );
const stampAssigned = (db: Db) =>
  prepared(db, 'assignment.stampAssigned', (d) =>
    d
      .insert(agentAssignmentStats)
      .values({ userId: p('agentId'), lastAssignedAt: p('now') })
      .onConflictDoUpdate({ target: agentAssignmentStats.userId, set: { lastAssignedAt: sql`excluded.last_assigned_at` } })
      .prepare(),
  );

/** Writes one assignment; false when someone took the conversation meanwhile (nothing written then). */
function applyAssigned(tx: Db, deps: { newId: NewId }, now: number, row: QueuedRow, outcome: ConversationOutcome, nameOf: (id: string) => string): boolean {
  if (outcome.decision.kind !== 'assigned') return false;
  const agentId = outcome.decision.agentId;
  const changed = assignIfFree(tx).all({ id: row.id, agentId, priority: outcome.priority, now });
  if (changed.length === 0) return false;
  explain(tx, deps, now, row.id, outcome, nameOf, agentId);
  appendEvent(tx, { type: 'conversation.assigned', conversationId: row.id, payload: { assigneeId: agentId, teamId: row.teamId, actorId: null }, at: now });
  stampAssigned(tx).run({ agentId, now });
  return true;
}

/** The decision's timeline line (plus the priority line for a VIP whose owner was away). `assigneeId` marks an assignment for idle release. */
function explain(tx: Db, deps: { newId: NewId }, now: number, conversationId: string, outcome: ConversationOutcome, nameOf: (id: string) => string, assigneeId: string | null) {
  const explanation = explainDecision(outcome, nameOf);
  recordActionEvent(tx, { conversationId, actorId: null, content: { event: 'assignment_decision', explanation, assigneeId } }, { newId: deps.newId, now });
  const raised = explainPriorityChange(outcome);
  if (raised) recordActionEvent(tx, { conversationId, actorId: null, content: { event: 'assignment_decision', explanation: raised, assigneeId: null } }, { newId: deps.newId, now });
}

/** 1-based places in the whole queue after this drain: the ones just assigned are gone, raised priorities count. */
function queuePositions(queueBefore: readonly QueuedRow[], assigned: readonly { conversationId: string }[], stillQueued: readonly ConversationToAssign[]): Map<string, number> {
  const gone = new Set(assigned.map((a) => a.conversationId));
  const priorities = new Map(stillQueued.map((c) => [c.id, c.priority]));
  const remaining = queueBefore.filter((q) => !gone.has(q.id)).map((q) => ({ ...q, priority: priorities.get(q.id) ?? q.priority }));
  return new Map(remaining.sort(compareQueued).map((q, i) => [q.id, i + 1]));
}

function saveRotation(tx: Db, teamId: string, lastAgentId: string | null, now: number) {
  tx.insert(teamPolicies)
    .values({ teamId, rotationLastAgentId: lastAgentId, updatedAt: now })
    .onConflictDoUpdate({ target: teamPolicies.teamId, set: { rotationLastAgentId: lastAgentId } })
    .run();
}

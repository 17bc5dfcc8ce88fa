import { eq } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { teams } from '../teams/teams.tables';
import { conversations } from './conversations.tables';
import { appendEvent } from '../platform/events/event-store';
import { recordActionEvent } from './record-conversation-event';
import { canTakeMore } from './agent-capacity';
import { actableConversation, assignableUser, mayOverrideCapacity, publishChanged, type ChangeActor, type ChangeDeps } from './conversation-change';
import { createAtCapacityError, createUnknownAssigneeError, createUnknownTeamError } from './conversation-changes.errors';
import type { Db } from '../platform/db/client';
import type { Conversation } from './conversations.repository';

export interface AssignInput {
  conversationId: string;
  /** A user id, null to unassign, undefined to leave the agent as is. */
  assigneeId?: string | null;
  /** A team id, null for no team, undefined to leave the team as is. */
  teamId?: string | null;
  actor: ChangeActor;
  /** A supervisor or admin assigning past the agent's capacity on purpose. */
  overrideCapacity?: boolean;
}

/**
 * Gives a conversation to an agent and/or a team, with a timeline line per change. The agent must be an enabled
 * inbox user who may see the conversation, and have capacity unless a supervisor or admin overrides it.
 * Returns whether anything changed; runs in the caller's transaction when given one (bulk, transfer).
 */
export function assignConversation(input: AssignInput, deps: ChangeDeps): { changed: boolean } {
  const result = runInTransaction(deps.db, (tx) => applyAssignment(tx, input, deps));
  if (result.changed) publishChanged(deps, [result.conversation]);
  return { changed: result.changed };
}

export function applyAssignment(tx: Db, input: AssignInput, deps: ChangeDeps): { changed: boolean; conversation: Conversation } {
  const conversation = actableConversation(tx, input.actor, input.conversationId);
  const now = deps.clock.now();
  const update: Partial<Conversation> = {};
  if (input.assigneeId !== undefined && input.assigneeId !== conversation.assigneeId) {
    if (input.assigneeId === null) {
      update.assigneeId = null;
      recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: 'unassigned', actor: input.actor.name } }, { newId: deps.newId, now });
    } else {
      const assignee = assignableUser(tx, input.assigneeId, conversation);
      if (!assignee) throw createUnknownAssigneeError();
      const teamId = input.teamId !== undefined ? input.teamId : conversation.teamId;
      if (!canTakeMore(tx, assignee.id, { teamId }) && !(input.overrideCapacity && mayOverrideCapacity(input.actor))) throw createAtCapacityError({ name: assignee.name });
      update.assigneeId = assignee.id;
      recordActionEvent(tx, { conversationId: conversation.id, actorId: input.actor.id, content: { event: 'assigned', actor: input.actor.name, assignee: assignee.name } }, { newId: deps.newId, now });
    }
  }
  if (input.teamId !== undefined && input.teamId !== conversation.teamId) {
    const team = input.teamId === null ? null : tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, input.teamId)).get();
    if (team === undefined) throw createUnknownTeamError();
    update.teamId = team?.id ?? null;
    recordActionEvent(
      tx,
      { conversationId: conversation.id, actorId: input.actor.id, content: team ? { event: 'team_assigned', actor: input.actor.name, team: team.name } : { event: 'team_removed', actor: input.actor.name } },
      { newId: deps.newId, now },
    );
  }
  if (Object.keys(update).length === 0) return { changed: false, conversation };
  // A person's choice settles routing: it leaves the queue and is never routed again.
  const settled = update.assigneeId ? { queuedAt: null, routedAt: conversation.routedAt ?? now } : {};
  const after = { assigneeId: update.assigneeId !== undefined ? update.assigneeId : conversation.assigneeId, teamId: update.teamId !== undefined ? update.teamId : conversation.teamId };
  tx.update(conversations)
    .set({ ...update, ...settled, ...backInQueue(conversation, after, input.actor.id, now), updatedAt: now })
    .where(eq(conversations.id, conversation.id))
    .run();
  appendEvent(tx, { type: 'conversation.assigned', conversationId: conversation.id, payload: { ...after, actorId: input.actor.id }, at: now });
  return { changed: true, conversation };
}

/**
 * A routed, open conversation left without an agent by a person (unassign, or moved to a team's queue) waits in its
 * team's queue from now, and the assigner offers it at once. An agent who let go of it themselves is not offered it
 * back. Not yet routed: routing queues it. Not open: it waits for nothing.
 */
function backInQueue(conversation: Conversation, after: { assigneeId: string | null }, actorId: string, now: number): Partial<Conversation> {
  if (after.assigneeId !== null || conversation.routedAt === null || conversation.status !== 'open') return {};
  const selfRelease = conversation.assigneeId !== null && conversation.assigneeId === actorId;
  return { queuedAt: conversation.queuedAt ?? now, ...(selfRelease ? { excludedAgentId: actorId } : {}) };
}

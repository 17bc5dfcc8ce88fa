import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { appendEvent } from '../platform/events/event-store';
import { teams } from '../teams/teams.tables';
import { conversations } from './conversations.tables';
import { assignableUser } from './conversation-change';
import { findConversation } from './conversations.repository';

/**
 * Changes Rasil makes on its own when an SLA escalates (no person acts, so no access check and actor null). The
 * caller writes the timeline line explaining why, in the same transaction.
 */
const NEXT_PRIORITY: Record<string, 'normal' | 'high' | 'urgent'> = { low: 'normal', normal: 'high', high: 'urgent' };

/** One level up (low → normal → high → urgent); null when already urgent or the conversation is gone. */
export function raisePriorityBySystem(tx: Db, conversationId: string, now: number): { from: string; to: string } | null {
  const conversation = findConversation(tx, conversationId);
  const to = conversation ? NEXT_PRIORITY[conversation.priority] : undefined;
  if (!conversation || !to) return null;
  tx.update(conversations).set({ priority: to, updatedAt: now }).where(eq(conversations.id, conversationId)).run();
  return { from: conversation.priority, to };
}

/**
 * Moves the conversation to another team's queue, unassigned: the team's assignment takes it from there (the
 * `conversation.requeued` event wakes it). Returns the team's name, or null when the team no longer exists.
 */
export function moveToTeamBySystem(tx: Db, conversationId: string, teamId: string, now: number): { teamName: string } | null {
  const conversation = findConversation(tx, conversationId);
  const team = tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  if (!conversation || !team) return null;
  tx.update(conversations).set({ teamId: team.id, assigneeId: null, queuedAt: now, updatedAt: now }).where(eq(conversations.id, conversationId)).run();
  appendEvent(tx, { type: 'conversation.assigned', conversationId, payload: { assigneeId: null, teamId: team.id, actorId: null }, at: now });
  appendEvent(tx, { type: 'conversation.requeued', conversationId, payload: { fromAgentId: conversation.assigneeId, reason: 'sla_escalation' }, at: now });
  return { teamName: team.name };
}

/** Gives it to a named person past their capacity (an escalation is meant to land); null when they cannot take it. */
export function assignToUserBySystem(tx: Db, conversationId: string, userId: string, now: number): { name: string } | null {
  const conversation = findConversation(tx, conversationId);
  const user = conversation ? assignableUser(tx, userId, conversation) : undefined;
  if (!conversation || !user) return null;
  tx.update(conversations).set({ assigneeId: user.id, queuedAt: null, routedAt: conversation.routedAt ?? now, updatedAt: now }).where(eq(conversations.id, conversationId)).run();
  appendEvent(tx, { type: 'conversation.assigned', conversationId, payload: { assigneeId: user.id, teamId: conversation.teamId, actorId: null }, at: now });
  return { name: user.name };
}

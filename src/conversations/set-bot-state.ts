import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { conversations } from './conversations.tables';
import { recordActionEvent } from './record-conversation-event';
import { teams } from '../teams/teams.tables';

/**
 * The menu bot takes a new conversation: routing waits while `with_bot` is set. Only an open conversation nobody
 * has taken is given to the bot; returns false (and changes nothing) otherwise. In the caller's transaction.
 */
export function startBotConversation(tx: Db, conversationId: string, now: number): boolean {
  const free = tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), isNull(conversations.assigneeId), eq(conversations.status, 'open')))
    .get();
  if (!free) return false;
  tx.update(conversations).set({ withBot: true, updatedAt: now }).where(eq(conversations.id, conversationId)).run();
  return true;
}

/**
 * The bot saw frustration: priority goes up to high (never down — urgent stays urgent), with a timeline line
 * saying why. Returns whether it changed.
 */
export function raisePriorityForBot(tx: Db, input: { conversationId: string; explanation: TimelineText }, deps: { newId: NewId; now: number }): boolean {
  const row = tx.select({ priority: conversations.priority }).from(conversations).where(eq(conversations.id, input.conversationId)).get();
  if (!row || row.priority === 'high' || row.priority === 'urgent') return false;
  tx.update(conversations).set({ priority: 'high', updatedAt: deps.now }).where(eq(conversations.id, input.conversationId)).run();
  recordActionEvent(
    tx,
    { conversationId: input.conversationId, actorId: null, content: { event: 'bot_priority_raised', explanation: input.explanation } },
    deps,
  );
  return true;
}

/**
 * A sensitive topic or a menu option names the team that should answer: stored before the hand-over so routing
 * and assignment find it. A team deleted since the bot was configured is ignored. In the caller's transaction.
 */
export function setTeamForBot(tx: Db, input: { conversationId: string; teamId: string }, now: number): boolean {
  if (!tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId)).get()) return false;
  tx.update(conversations).set({ teamId: input.teamId, updatedAt: now }).where(eq(conversations.id, input.conversationId)).run();
  return true;
}

/** A person took the conversation while the bot was still on it (assigned by hand, or replied): the bot steps back. */
export function endBotConversation(tx: Db, conversationId: string, now: number): void {
  tx.update(conversations).set({ withBot: false, updatedAt: now }).where(eq(conversations.id, conversationId)).run();
}

import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { appendEvent } from '../platform/events/event-store';
import { conversations } from './conversations.tables';
import { findConversation } from './conversations.repository';
import { recordActionEvent } from './record-conversation-event';

export interface HandOverInput {
  conversationId: string;
  /** Short machine reason for the event log: 'keyword', 'escalation_keyword', 'unrecognised', 'frustration'… */
  reason: string;
  /** The menu option the customer picked, for routing rules that match on it. */
  menuOption?: string | null;
  /** What the timeline says, in each viewer's language. */
  explanation: TimelineText;
}

/**
 * Automation (keyword rule, menu bot) asks for a person, in the caller's transaction: the bot stops talking, one
 * timeline line says why, and `conversation.handed_over` lets routing and assignment take it from here. Returns
 * true when routing was asked; false for an unknown or resolved conversation (nothing changes) or one a person
 * already has (the bot still stops, but there is nobody to route it to).
 */
export function handOverToHuman(tx: Db, input: HandOverInput, deps: { newId: NewId; now: number }): boolean {
  const conversation = findConversation(tx, input.conversationId);
  if (!conversation || conversation.status === 'resolved') return false;
  tx.update(conversations)
    .set({ withBot: false, ...(input.menuOption !== undefined ? { menuOption: input.menuOption } : {}), updatedAt: deps.now })
    .where(eq(conversations.id, conversation.id))
    .run();
  if (conversation.assigneeId !== null) return false;
  recordActionEvent(tx, { conversationId: conversation.id, actorId: null, content: { event: 'handed_over', explanation: input.explanation } }, deps);
  appendEvent(tx, { type: 'conversation.handed_over', conversationId: conversation.id, payload: { reason: input.reason }, at: deps.now });
  return true;
}

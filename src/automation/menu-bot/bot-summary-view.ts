import type { Db } from '../../platform/db/client';
import { findBotSession } from './menu-bot.repository';

/** What the agent sees above the timeline of a conversation the bot talked in: state, answers, transcript. */
export interface BotSummaryView {
  conversationId: string;
  state: 'active' | 'handed_over';
  answers: { key: string; value: string }[];
  transcript: { from: 'customer' | 'bot'; text: string; at: number }[];
}

/** Undefined when the bot never talked in this conversation (nothing to show). */
export function buildBotSummaryView(db: Db, conversationId: string): BotSummaryView | undefined {
  const session = findBotSession(db, conversationId);
  if (!session) return undefined;
  return {
    conversationId,
    state: session.state,
    answers: Object.entries(session.answers).map(([key, value]) => ({ key, value })),
    transcript: session.transcript,
  };
}

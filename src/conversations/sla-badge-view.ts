import { replyWindowClosesAt } from './reply-window';
import type { ConversationSummary } from './conversation-views.repository';

/**
 * The list row's SLA countdown, from the columns the SLA module keeps on the conversation. `window` ties in the
 * 24-hour rule: the window closes before the SLA is due (reply soon), or it already closed on a waiting customer
 * (only a template can answer now).
 */
export interface SlaBadgeView {
  state: 'ok' | 'warning' | 'breached';
  /** Until the deadline; 0 once past it. */
  remainingMs: number;
  window: 'ok' | 'closes_first' | 'needs_template';
}

export function slaBadgeView(row: Pick<ConversationSummary, 'slaDueAt' | 'slaState' | 'lastInboundAt' | 'lastMessageAt'>, now: number): SlaBadgeView | null {
  if (row.slaDueAt === null) return null;
  const state = now >= row.slaDueAt || row.slaState === 'breached' ? 'breached' : row.slaState === 'warning' ? 'warning' : 'ok';
  const closesAt = replyWindowClosesAt(row.lastInboundAt);
  const waiting = row.lastInboundAt !== null && row.lastInboundAt >= row.lastMessageAt;
  const window = !waiting || closesAt === null ? 'ok' : closesAt <= now ? 'needs_template' : closesAt < row.slaDueAt ? 'closes_first' : 'ok';
  return { state, remainingMs: Math.max(0, row.slaDueAt - now), window };
}

import type { ConversationStatus } from './conversations.tables';

export interface IdleCandidate {
  assigneeId: string | null;
  status: ConversationStatus;
  /** The customer's last message. */
  lastInboundAt: number | null;
  /** Direction of the last message the customer could see or wrote (notes and events aside). */
  lastMessageDirection: 'in' | 'out' | null;
}

/**
 * The idle-release rule: an assigned, open conversation whose customer is waiting (the last word is theirs), with no
 * agent activity (open, reply, note, typing) since they wrote — for `minutes` or more. 0 minutes turns it off.
 */
export function isIdle({ conversation, lastAgentActivityAt, now, minutes }: { conversation: IdleCandidate; lastAgentActivityAt: number | null; now: number; minutes: number }): boolean {
  if (minutes <= 0) return false;
  if (!conversation.assigneeId || conversation.status !== 'open') return false;
  if (conversation.lastMessageDirection !== 'in' || conversation.lastInboundAt === null) return false;
  const idleSince = Math.max(conversation.lastInboundAt, lastAgentActivityAt ?? 0);
  return now - idleSince >= minutes * 60_000;
}

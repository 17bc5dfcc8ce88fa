import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations } from './conversations.tables';

export type SlaBadgeState = 'ok' | 'warning' | 'breached';

/**
 * Written by the SLA module (handler and job) in its transaction: the nearest running deadline and how it stands,
 * so the list can sort by "SLA due" from an index and colour the badge without knowing about policies.
 * Returns false when the conversation does not exist.
 */
export function setSlaDue(db: Db, conversationId: string, due: { dueAt: number | null; state: SlaBadgeState | null }): boolean {
  const changed = db
    .update(conversations)
    .set({ slaDueAt: due.dueAt, slaState: due.state })
    .where(eq(conversations.id, conversationId))
    .returning({ id: conversations.id })
    .all();
  return changed.length > 0;
}

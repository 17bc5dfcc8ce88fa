import { and, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { conversationSla, slaClocks, type SlaTarget } from './sla.tables';

export type SlaClockRow = typeof slaClocks.$inferSelect;
export type ConversationSlaRow = typeof conversationSla.$inferSelect;

/** Clocks not stopped yet (running or paused) of one conversation. */
export const activeClocks = (db: Db, conversationId: string): SlaClockRow[] =>
  prepared(db, 'sla.activeClocks', (d) =>
    d
      .select()
      .from(slaClocks)
      .where(and(eq(slaClocks.conversationId, sql.placeholder('conversationId')), isNull(slaClocks.stoppedAt)))
      .prepare(),
  ).all({ conversationId });

/** Is any clock running or paused, in any conversation? */
export const anyActiveClock = (db: Db): boolean =>
  prepared(db, 'sla.anyActiveClock', (d) => d.select({ id: slaClocks.id }).from(slaClocks).where(isNull(slaClocks.stoppedAt)).limit(1).prepare()).get() !== undefined;

export const activeClock = (db: Db, conversationId: string, target: SlaTarget): SlaClockRow | undefined =>
  activeClocks(db, conversationId).find((c) => c.target === target);

export function updateClock(db: Db, id: string, set: Partial<SlaClockRow>): void {
  db.update(slaClocks).set(set).where(eq(slaClocks.id, id)).run();
}

export const findConversationSla = (db: Db, conversationId: string): ConversationSlaRow | undefined =>
  prepared(db, 'sla.conversationSla', (d) => d.select().from(conversationSla).where(eq(conversationSla.conversationId, sql.placeholder('conversationId'))).prepare()).get({ conversationId });

export function saveConversationSla(db: Db, row: ConversationSlaRow): void {
  db.insert(conversationSla)
    .values(row)
    .onConflictDoUpdate({ target: conversationSla.conversationId, set: { policyId: row.policyId, breachedAt: row.breachedAt, escalationStep: row.escalationStep, updatedAt: row.updatedAt } })
    .run();
}

/** Running clocks whose warning or deadline has come and not been acted on: the job's work list (ids only). */
export function conversationsWithDueWork(db: Db, now: number): string[] {
  const warn = db
    .selectDistinct({ id: slaClocks.conversationId })
    .from(slaClocks)
    .where(and(isNull(slaClocks.stoppedAt), isNull(slaClocks.warnedAt), isNull(slaClocks.breachedAt), lte(slaClocks.warnAt, now)))
    .all();
  const breach = db
    .selectDistinct({ id: slaClocks.conversationId })
    .from(slaClocks)
    .where(and(isNull(slaClocks.stoppedAt), isNull(slaClocks.breachedAt), lte(slaClocks.dueAt, now)))
    .all();
  const escalating = db.select({ id: conversationSla.conversationId }).from(conversationSla).where(isNotNull(conversationSla.breachedAt)).all();
  return [...new Set([...warn, ...breach, ...escalating].map((r) => r.id))];
}

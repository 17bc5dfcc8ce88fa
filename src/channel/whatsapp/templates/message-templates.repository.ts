import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { messageTemplates } from '../../../conversations/conversations.tables';

export type MessageTemplateRow = typeof messageTemplates.$inferSelect;

export const listInboxTemplateRows = (db: Db, inboxId: string): MessageTemplateRow[] =>
  db.select().from(messageTemplates).where(eq(messageTemplates.inboxId, inboxId)).orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();

export function upsertTemplate(db: Db, row: typeof messageTemplates.$inferInsert) {
  db.insert(messageTemplates)
    .values(row)
    .onConflictDoUpdate({
      target: [messageTemplates.inboxId, messageTemplates.name, messageTemplates.language],
      set: { providerTemplateId: row.providerTemplateId, category: row.category, status: row.status, components: row.components, syncedAt: row.syncedAt },
    })
    .run();
}

/** Deletes the inbox's templates whose (name, language) is not in `keep`; returns how many went. */
export function removeTemplatesExcept(db: Db, inboxId: string, keep: { name: string; language: string }[]): number {
  const keys = new Set(keep.map((k) => `${k.name}\u0000${k.language}`));
  const gone = listInboxTemplateRows(db, inboxId).filter((t) => !keys.has(`${t.name}\u0000${t.language}`));
  if (gone.length > 0) db.delete(messageTemplates).where(inArray(messageTemplates.id, gone.map((t) => t.id))).run();
  return gone.length;
}

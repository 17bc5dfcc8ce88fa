import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { messageTemplates } from '../whatsapp.tables';

export type MessageTemplateRow = typeof messageTemplates.$inferSelect;

export const listChannelTemplates = (db: Db, channelId: string): MessageTemplateRow[] =>
  db.select().from(messageTemplates).where(eq(messageTemplates.channelId, channelId)).orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();

export function upsertTemplate(db: Db, row: typeof messageTemplates.$inferInsert) {
  db.insert(messageTemplates)
    .values(row)
    .onConflictDoUpdate({
      target: [messageTemplates.channelId, messageTemplates.name, messageTemplates.language],
      set: { waTemplateId: row.waTemplateId, category: row.category, status: row.status, components: row.components, syncedAt: row.syncedAt },
    })
    .run();
}

/** Deletes the channel's templates whose (name, language) is not in `keep`; returns how many went. */
export function removeTemplatesExcept(db: Db, channelId: string, keep: { name: string; language: string }[]): number {
  const keys = new Set(keep.map((k) => `${k.name}\u0000${k.language}`));
  const gone = listChannelTemplates(db, channelId).filter((t) => !keys.has(`${t.name}\u0000${t.language}`));
  if (gone.length > 0) db.delete(messageTemplates).where(inArray(messageTemplates.id, gone.map((t) => t.id))).run();
  return gone.length;
}

import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversationLabels, labels } from './labels.tables';

export type Label = typeof labels.$inferSelect;
export interface LabelView {
  id: string;
  name: string;
  color: string;
}

export const listLabels = (db: Db): Label[] => db.select().from(labels).orderBy(asc(sql`lower(${labels.name})`), asc(labels.id)).all();

export const findLabel = (db: Db, id: string): Label | undefined => db.select().from(labels).where(eq(labels.id, id)).get();

export const findLabelByName = (db: Db, name: string): Label | undefined =>
  db.select().from(labels).where(eq(sql`lower(${labels.name})`, name.toLowerCase())).get();

/** The labels of each given conversation, by name. */
export function labelsOfConversations(db: Db, conversationIds: string[]): Map<string, LabelView[]> {
  const byConversation = new Map<string, LabelView[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = db
    .select({ conversationId: conversationLabels.conversationId, id: labels.id, name: labels.name, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(inArray(conversationLabels.conversationId, conversationIds))
    .orderBy(asc(sql`lower(${labels.name})`))
    .all();
  for (const { conversationId, ...label } of rows) byConversation.set(conversationId, [...(byConversation.get(conversationId) ?? []), label]);
  return byConversation;
}

/** For the settings page: every label with how many conversations carry it. */
export const listLabelsWithUses = (db: Db) =>
  db
    .select({ id: labels.id, name: labels.name, color: labels.color, uses: count(conversationLabels.conversationId) })
    .from(labels)
    .leftJoin(conversationLabels, eq(conversationLabels.labelId, labels.id))
    .groupBy(labels.id)
    .orderBy(asc(sql`lower(${labels.name})`))
    .all();

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { messageTemplates } from './conversations.tables';

export interface TemplateChoice {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: string;
}

const choiceColumns = {
  id: messageTemplates.id,
  name: messageTemplates.name,
  language: messageTemplates.language,
  category: messageTemplates.category,
  status: messageTemplates.status,
  components: messageTemplates.components,
};

/** Approved ones only by default (the only ones Meta lets us send); the timeline also names past, now-paused ones. */
export function listInboxTemplates(db: Db, inboxId: string, { approvedOnly = true }: { approvedOnly?: boolean } = {}): TemplateChoice[] {
  return db
    .select(choiceColumns)
    .from(messageTemplates)
    .where(and(eq(messageTemplates.inboxId, inboxId), approvedOnly ? eq(sql`upper(${messageTemplates.status})`, 'APPROVED') : undefined))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language), asc(messageTemplates.id))
    .all();
}

export function findApprovedTemplate(db: Db, inboxId: string, by: { id: string } | { name: string; language: string }): TemplateChoice | undefined {
  return listInboxTemplates(db, inboxId).find((t) => ('id' in by ? t.id === by.id : t.name === by.name && t.language === by.language));
}

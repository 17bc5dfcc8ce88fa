import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';

/**
 * Templates of an inbox's WhatsApp number. The templates table belongs to the channel module (above this one), so
 * it is read by name here instead of imported; the columns read are the documented contract.
 */
export interface TemplateChoice {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: string;
}

/** Approved ones only by default (the only ones Meta lets us send); the timeline also names past, now-paused ones. */
export function listInboxTemplates(db: Db, inboxId: string, { approvedOnly = true }: { approvedOnly?: boolean } = {}): TemplateChoice[] {
  return db.all<TemplateChoice>(sql`
    SELECT t.id AS id, t.name AS name, t.language AS language, t.category AS category, t.status AS status, t.components AS components
    FROM message_templates t JOIN whatsapp_channels c ON c.id = t.channel_id
    WHERE c.inbox_id = ${inboxId} AND (${approvedOnly ? 0 : 1} = 1 OR upper(t.status) = 'APPROVED')
    ORDER BY t.name, t.language, t.id`);
}

export function findApprovedTemplate(db: Db, inboxId: string, by: { id: string } | { name: string; language: string }): TemplateChoice | undefined {
  return listInboxTemplates(db, inboxId).find((t) => ('id' in by ? t.id === by.id : t.name === by.name && t.language === by.language));
}

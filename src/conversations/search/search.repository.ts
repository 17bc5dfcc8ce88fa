import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { conversations } from '../conversations.tables';

/**
 * Conversations with a message matching the FTS5 expression, or whose contact matches it (name, username, phone
 * digits). `match` must come from parseSearchQuery; it is bound as a parameter, never spliced into the SQL.
 */
export function matchingConversations(match: string): SQL {
  return sql`(${conversations.id} in (select d.conversation_id from search_index join search_documents as d on d.id = search_index.rowid
      where search_index match ${match} and d.message_id is not null)
    or ${conversations.contactId} in (select d.contact_id from search_index join search_documents as d on d.id = search_index.rowid
      where search_index match ${match} and d.message_id is null))`;
}

/** For each listed conversation, the text of its newest matching message (a contact-only match has none). */
export function findMatchingMessages(db: Db, match: string, conversationIds: string[]): Map<string, string> {
  if (conversationIds.length === 0) return new Map();
  const ids = sql.join(
    conversationIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db.all<{ conversationId: string; body: string }>(sql`
    select m.conversation_id as conversationId, m.body as body
    from messages as m
    where m.id in (
      select max(d.message_id) from search_index join search_documents as d on d.id = search_index.rowid
      where search_index match ${match} and d.conversation_id in (${ids}) and d.message_id is not null
      group by d.conversation_id)`);
  return new Map(rows.map((row) => [row.conversationId, row.body]));
}

import type { Database } from 'bun:sqlite';
import type { Db } from '../../platform/db/client';
import { contactTerms, messageTerms } from './search-terms';

/**
 * Keeps the full-text index in step with messages and contacts. Called inside the transaction that writes them, so
 * the index never lags or drifts; SQL triggers could not do this because the Arabic normalisation lives in TypeScript.
 * Runs on every inbound message, so it talks to bun:sqlite directly: `query()` caches each compiled statement,
 * where building drizzle `sql` per call cost several times more.
 */
const clientOf = (db: Db): Database => (db as unknown as { session: { client: Database } }).session.client;

/** Only what people wrote is searchable: not system events, reactions or empty media. */
const UNSEARCHABLE_KINDS = new Set(['event', 'system', 'reaction']);

export function indexMessage(db: Db, message: { id: string; conversationId: string; kind: string; body: string }): void {
  const client = clientOf(db);
  const terms = UNSEARCHABLE_KINDS.has(message.kind) ? '' : messageTerms(message.body);
  const existing = client.query<{ id: number }, [string]>('select id from search_documents where message_id = ?').get(message.id);
  if (existing) {
    client.query('delete from search_index where rowid = ?').run(existing.id);
    if (terms) client.query('insert into search_index (rowid, terms) values (?, ?)').run(existing.id, terms);
    else client.query('delete from search_documents where id = ?').run(existing.id);
    return;
  }
  if (!terms) return;
  const row = client.query<{ id: number }, [string, string]>('insert into search_documents (conversation_id, message_id) values (?, ?) returning id').get(message.conversationId, message.id)!;
  client.query('insert into search_index (rowid, terms) values (?, ?)').run(row.id, terms);
}

/** A deleted ("revoked") message disappears from search. */
export function removeMessageFromIndex(db: Db, messageId: string): void {
  indexMessage(db, { id: messageId, conversationId: '', kind: 'event', body: '' });
}

/** Names, username and phone digits of a contact; skipped when nothing changed, which is the usual case. */
export function indexContact(db: Db, contactId: string): void {
  const client = clientOf(db);
  const contact = client
    .query<{ name: string; profileName: string; username: string; phone: string; waId: string | null }, [string]>(
      'select name, profile_name as profileName, username, phone, wa_id as waId from contacts where id = ?',
    )
    .get(contactId);
  if (!contact) return;
  const terms = contactTerms(contact);
  const existing = client.query<{ id: number; terms: string | null }, [string]>('select id, terms from search_documents where contact_id = ? and message_id is null').get(contactId);
  if (existing?.terms === terms) return;
  if (existing) {
    client.query('delete from search_index where rowid = ?').run(existing.id);
    client.query('update search_documents set terms = ? where id = ?').run(terms, existing.id);
    client.query('insert into search_index (rowid, terms) values (?, ?)').run(existing.id, terms);
    return;
  }
  const row = client.query<{ id: number }, [string, string]>('insert into search_documents (contact_id, terms) values (?, ?) returning id').get(contactId, terms)!;
  client.query('insert into search_index (rowid, terms) values (?, ?)').run(row.id, terms);
}

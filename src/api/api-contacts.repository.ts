import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { contacts } from '../contacts/contacts.tables';
import type { Contact } from '../contacts/contacts.repository';
import type { Keyset } from '../conversations/keyset-cursor';

/** Contacts newest first, optionally matching `q` in a name, the phone or the WhatsApp id (LIKE wildcards escaped). */
export function listContactsPage(db: Db, { q, after, limit }: { q?: string; after?: Keyset; limit: number }): { rows: Contact[]; hasMore: boolean } {
  const where: SQL[] = [];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/\D/g, '');
    const matches = [
      sql`${contacts.name} LIKE ${pattern} ESCAPE '\\'`,
      sql`${contacts.profileName} LIKE ${pattern} ESCAPE '\\'`,
      sql`${contacts.phone} LIKE ${pattern} ESCAPE '\\'`,
      sql`${contacts.username} LIKE ${pattern} ESCAPE '\\'`,
    ];
    // "+966 50 123" should find +966501234567: compare digits with digits too.
    if (digits.length >= 3) matches.push(sql`${contacts.waId} LIKE ${`%${digits}%`}`);
    where.push(or(...matches)!);
  }
  if (after) where.push(or(lt(contacts.createdAt, after.at), and(eq(contacts.createdAt, after.at), lt(contacts.id, after.id)))!);
  const rows = db
    .select()
    .from(contacts)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit + 1)
    .all();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

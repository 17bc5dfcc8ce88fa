import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { contacts } from './contacts.tables';

export type Contact = typeof contacts.$inferSelect;

export function findContact(db: Db, id: string): Contact | undefined {
  return db.select().from(contacts).where(eq(contacts.id, id)).get();
}

export function findContactByWaId(db: Db, waId: string): Contact | undefined {
  return prepared(db, 'contacts.byWaId', (d) => d.select().from(contacts).where(eq(contacts.waId, sql.placeholder('waId'))).prepare()).get({ waId });
}

export function findContactByUserId(db: Db, userId: string): Contact | undefined {
  return prepared(db, 'contacts.byUserId', (d) => d.select().from(contacts).where(eq(contacts.userId, sql.placeholder('userId'))).prepare()).get({ userId });
}

/** The contact for a WhatsApp identity: the phone-based wa_id first, then the business-scoped user id (BSUID). */
export function findContactByIdentity(db: Db, identity: { waId: string | null; userId: string | null }): Contact | undefined {
  return (identity.waId ? findContactByWaId(db, identity.waId) : undefined) ?? (identity.userId ? findContactByUserId(db, identity.userId) : undefined);
}

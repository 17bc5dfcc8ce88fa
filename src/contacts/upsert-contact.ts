import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { contacts } from './contacts.tables';
import { findContactByIdentity, findContactByUserId, findContactByWaId, type Contact } from './contacts.repository';

export interface ContactIdentity {
  /** Phone-based WhatsApp id; null or empty for username adopters. */
  waId: string | null;
  /** Business-scoped user id (BSUID), when Meta sends one. */
  userId: string | null;
  profileName?: string;
  phone?: string;
  username?: string;
}

/**
 * Finds or creates the contact for a WhatsApp identity and keeps what Meta tells us current (profile name,
 * username, the missing half of wa_id/BSUID). Never overwrites the name the team gave them. Synchronous: call it
 * inside the caller's transaction.
 */
export function upsertContact(db: Db, identity: ContactIdentity, deps: { newId: NewId; now: number }): Contact {
  const waId = identity.waId?.trim() || null;
  const userId = identity.userId?.trim() || null;
  if (!waId && !userId) throw new Error('A WhatsApp contact needs a wa_id or a user_id');
  const existing = findContactByIdentity(db, { waId, userId });
  if (!existing) {
    const row = {
      id: deps.newId('cnt'),
      waId,
      userId,
      phone: identity.phone ?? (waId ? `+${waId}` : ''),
      profileName: identity.profileName ?? '',
      username: identity.username ?? '',
      createdAt: deps.now,
      updatedAt: deps.now,
    };
    db.insert(contacts).values(row).run();
    return findContactByIdentity(db, { waId, userId })!;
  }
  const changes: Partial<typeof contacts.$inferInsert> = {};
  if (identity.profileName && identity.profileName !== existing.profileName) changes.profileName = identity.profileName;
  if (identity.username && identity.username !== existing.username) changes.username = identity.username;
  // Fill the other half of the identity only when no other contact already holds it (unique columns).
  if (waId && !existing.waId && !findContactByWaId(db, waId)) {
    changes.waId = waId;
    if (!existing.phone) changes.phone = identity.phone ?? `+${waId}`;
  }
  if (userId && !existing.userId && !findContactByUserId(db, userId)) changes.userId = userId;
  if (Object.keys(changes).length === 0) return existing;
  db.update(contacts).set({ ...changes, updatedAt: deps.now }).where(eq(contacts.id, existing.id)).run();
  return { ...existing, ...changes, updatedAt: deps.now };
}

/** A customer changed their number: the contact keeps its history and is found under the new wa_id from now on. */
export function changeContactWaId(db: Db, contactId: string, newWaId: string, now: number): boolean {
  const taken = findContactByWaId(db, newWaId);
  if (taken && taken.id !== contactId) return false;
  db.update(contacts).set({ waId: newWaId, phone: `+${newWaId}`, updatedAt: now }).where(eq(contacts.id, contactId)).run();
  return true;
}

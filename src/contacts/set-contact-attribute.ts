import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { contacts } from './contacts.tables';

/** Same bounds as the sidebar form (update-contact.ts): keys up to 40 characters, values up to 200, 20 attributes. */
const LIMITS = { key: 40, value: 200, attributes: 20 };

/**
 * Stores one custom attribute (an answer the customer gave the bot, e.g. an order number), keeping the others.
 * Returns false and changes nothing when the key is unusable or the contact already has 20 other attributes.
 */
export function setContactAttribute(db: Db, input: { contactId: string; key: string; value: string }, now: number): boolean {
  const key = input.key.trim();
  const value = [...input.value.trim()].slice(0, LIMITS.value).join('');
  if (!key || [...key].length > LIMITS.key || key === '__proto__') return false;
  const row = db.select({ attributes: contacts.attributes }).from(contacts).where(eq(contacts.id, input.contactId)).get();
  if (!row) return false;
  const attributes = parseAttributes(row.attributes);
  if (!(key in attributes) && Object.keys(attributes).length >= LIMITS.attributes) return false;
  attributes[key] = value;
  db.update(contacts)
    .set({ attributes: JSON.stringify(attributes), updatedAt: now })
    .where(eq(contacts.id, input.contactId))
    .run();
  return true;
}

function parseAttributes(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? { ...(parsed as Record<string, string>) } : {};
  } catch {
    return {};
  }
}

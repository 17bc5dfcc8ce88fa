import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { contacts } from './contacts.tables';

export interface ContactEdit {
  name: string;
  tags: string[];
  attributes: Record<string, string>;
  vip: boolean;
  ownerAgentId: string | null;
  optedIn: boolean;
}

export type ContactEditField = 'name' | 'tags' | 'attributes' | 'ownerAgentId';

const LIMITS = { name: 100, tags: 20, tag: 30, attributes: 20, key: 40, value: 200 };

/**
 * Reads the sidebar form: tags as a comma list (Arabic comma too), attributes as parallel key/value rows (empty
 * rows dropped). Returns the field errors instead of throwing, so the form can re-render what was typed.
 */
export function parseContactEdit(form: { name: string; tags: string; keys: string[]; values: string[]; vip: boolean; owner: string; optedIn: boolean }):
  | { ok: true; edit: ContactEdit }
  | { ok: false; errors: Partial<Record<ContactEditField, true>> } {
  const errors: Partial<Record<ContactEditField, true>> = {};
  const name = form.name.trim();
  if ([...name].length > LIMITS.name) errors.name = true;
  const tags = [...new Set(form.tags.split(/[,،]/).map((t) => t.trim()).filter(Boolean))];
  if (tags.length > LIMITS.tags || tags.some((t) => [...t].length > LIMITS.tag)) errors.tags = true;
  const attributes: Record<string, string> = {};
  form.keys.forEach((rawKey, i) => {
    const key = rawKey.trim();
    const value = (form.values[i] ?? '').trim();
    if (!key && !value) return;
    if (!key || [...key].length > LIMITS.key || [...value].length > LIMITS.value || key === '__proto__') errors.attributes = true;
    else attributes[key] = value;
  });
  if (Object.keys(attributes).length > LIMITS.attributes) errors.attributes = true;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, edit: { name, tags, attributes, vip: form.vip, ownerAgentId: form.owner || null, optedIn: form.optedIn } };
}

/** Stores the team's edit of a contact; the caller checks the owner is an active teammate and records the event. */
export function updateContact(db: Db, contactId: string, edit: ContactEdit, now: number) {
  db.update(contacts)
    .set({ name: edit.name, tags: JSON.stringify(edit.tags), attributes: JSON.stringify(edit.attributes), vip: edit.vip, ownerAgentId: edit.ownerAgentId, optedIn: edit.optedIn, updatedAt: now })
    .where(eq(contacts.id, contactId))
    .run();
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { contacts } from './contacts.tables';

/** Sets the team-facing name only when nobody has set one yet (sync from the Business app address book). */
export function setContactNameIfBlank(db: Db, contactId: string, name: string, now: number) {
  db.update(contacts)
    .set({ name: name.slice(0, 200), updatedAt: now })
    .where(and(eq(contacts.id, contactId), eq(contacts.name, '')))
    .run();
}

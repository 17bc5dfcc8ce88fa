import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { whatsappChannels } from '../whatsapp.tables';

export type WhatsappChannel = typeof whatsappChannels.$inferSelect;
export type NewWhatsappChannel = typeof whatsappChannels.$inferInsert;

export const findChannelById = (db: Db, id: string): WhatsappChannel | undefined =>
  db.select().from(whatsappChannels).where(eq(whatsappChannels.id, id)).get();

export const findChannelByPhoneNumberId = (db: Db, phoneNumberId: string): WhatsappChannel | undefined =>
  db.select().from(whatsappChannels).where(eq(whatsappChannels.phoneNumberId, phoneNumberId)).get();

export const findSandboxChannel = (db: Db): WhatsappChannel | undefined =>
  db.select().from(whatsappChannels).where(eq(whatsappChannels.isSandbox, true)).orderBy(asc(whatsappChannels.createdAt)).get();

/** Every number, real ones first, oldest first: the order the settings page and `rasil channel list` show. */
export const listChannels = (db: Db): WhatsappChannel[] =>
  db.select().from(whatsappChannels).orderBy(asc(whatsappChannels.isSandbox), asc(whatsappChannels.createdAt), asc(whatsappChannels.id)).all();

export const insertChannel = (db: Db, row: NewWhatsappChannel) => db.insert(whatsappChannels).values(row).run();

export const updateChannel = (db: Db, id: string, changes: Partial<NewWhatsappChannel>) =>
  db.update(whatsappChannels).set(changes).where(eq(whatsappChannels.id, id)).run();

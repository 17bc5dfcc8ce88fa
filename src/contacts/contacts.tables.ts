import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/**
 * Customers. Keyed on WhatsApp's `wa_id` (their phone number) or, for username adopters whose `wa_id` is empty,
 * the business-scoped user id (BSUID). Both columns are unique where present.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    waId: text('wa_id'),
    userId: text('user_id'),
    phone: text('phone').notNull().default(''),
    /** The name the customer set in WhatsApp; updated whenever a webhook brings a new one. */
    profileName: text('profile_name').notNull().default(''),
    /** A name the team gave them; shown instead of the profile name when set. */
    name: text('name').notNull().default(''),
    username: text('username').notNull().default(''),
    locale: text('locale').notNull().default(''),
    /** Custom attributes (order number, city…) as a JSON object of strings. */
    attributes: text('attributes').notNull().default('{}'),
    tags: text('tags').notNull().default('[]'),
    vip: integer('vip', { mode: 'boolean' }).notNull().default(false),
    ownerAgentId: text('owner_agent_id'),
    optedIn: integer('opted_in', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('contacts_wa_id_unique').on(t.waId),
    uniqueIndex('contacts_user_id_unique').on(t.userId),
    index('contacts_phone_idx').on(t.phone),
  ],
);

import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Named business-hours calendars ("Shop hours", "Night shift"). `definition` is a BusinessCalendar as JSON (time
 * zone, intervals per weekday, holidays), validated by businessCalendarSchema before it is written. Inboxes, teams
 * and agents' shifts point at a calendar; none = always open.
 */
export const calendars = sqliteTable(
  'calendars',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('calendars_name_unique').on(t.name)],
);

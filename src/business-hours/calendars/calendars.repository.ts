import { asc, eq } from 'drizzle-orm';
import { calendars } from './calendars.tables';
import { businessCalendarSchema, type BusinessCalendar } from '../calendar';
import type { Db } from '../../platform/db/client';

export interface CalendarRow {
  id: string;
  name: string;
  definition: BusinessCalendar;
  updatedAt: number;
}

/** Who follows a calendar (computed above teams and inboxes, in conversations/inbox-calendar.ts). */
export interface CalendarUsage {
  inboxes: string[];
  teams: string[];
  /** Agents whose shift follows this calendar. */
  agents: number;
}

export interface CalendarChoice {
  id: string;
  name: string;
}

/** Stored JSON → a BusinessCalendar; undefined for text that no longer parses, so callers fall back to always open. */
export function parseCalendarDefinition(text: string): BusinessCalendar | undefined {
  try {
    const parsed = businessCalendarSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The calendar's rules, or undefined when it is missing or invalid (treat as always open). */
export function findCalendarDefinition(db: Db, id: string | null | undefined): BusinessCalendar | undefined {
  if (!id) return undefined;
  const row = db.select({ definition: calendars.definition }).from(calendars).where(eq(calendars.id, id)).get();
  return row ? parseCalendarDefinition(row.definition) : undefined;
}

export function findCalendar(db: Db, id: string): CalendarRow | undefined {
  const row = db.select().from(calendars).where(eq(calendars.id, id)).get();
  if (!row) return undefined;
  const definition = parseCalendarDefinition(row.definition);
  return definition ? { id: row.id, name: row.name, definition, updatedAt: row.updatedAt } : undefined;
}

/** Every stored calendar whose definition still parses, by name. */
export function listCalendars(db: Db): CalendarRow[] {
  return db
    .select()
    .from(calendars)
    .orderBy(asc(calendars.name))
    .all()
    .flatMap((row) => {
      const definition = parseCalendarDefinition(row.definition);
      return definition ? [{ id: row.id, name: row.name, definition, updatedAt: row.updatedAt }] : [];
    });
}

/** Options for "Business hours" selects (inboxes, teams, agents' shifts), by name. */
export function listCalendarChoices(db: Db): CalendarChoice[] {
  return db.select({ id: calendars.id, name: calendars.name }).from(calendars).orderBy(asc(calendars.name)).all();
}

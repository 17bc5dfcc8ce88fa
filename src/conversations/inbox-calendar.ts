import { asc, count, eq } from 'drizzle-orm';
import { inboxes } from './conversations.tables';
import { teams } from '../teams/teams.tables';
import { agentRouting, teamPolicies } from '../teams/team-policies.tables';
import { findCalendarDefinition, type CalendarUsage } from '../business-hours/calendars/calendars.repository';
import type { BusinessCalendar } from '../business-hours/calendar';
import type { Db } from '../platform/db/client';

/** The opening hours of an inbox's number; undefined when it has none (or it no longer parses): always open. */
export function calendarForInbox(db: Db, inboxId: string): BusinessCalendar | undefined {
  const row = db.select({ calendarId: inboxes.calendarId }).from(inboxes).where(eq(inboxes.id, inboxId)).get();
  return findCalendarDefinition(db, row?.calendarId);
}

/**
 * Who follows a calendar: the settings list shows it, and the delete confirm warns that they fall back to always open.
 * Lives here, above teams and inboxes, because the calendars module sits below both.
 */
export function calendarUsage(db: Db, calendarId: string): CalendarUsage {
  const inboxNames = db.select({ name: inboxes.name }).from(inboxes).where(eq(inboxes.calendarId, calendarId)).orderBy(asc(inboxes.name)).all();
  const teamNames = db
    .select({ name: teams.name })
    .from(teamPolicies)
    .innerJoin(teams, eq(teams.id, teamPolicies.teamId))
    .where(eq(teamPolicies.calendarId, calendarId))
    .orderBy(asc(teams.name))
    .all();
  const agents = db.select({ n: count() }).from(agentRouting).where(eq(agentRouting.shiftCalendarId, calendarId)).get()?.n ?? 0;
  return { inboxes: inboxNames.map((r) => r.name), teams: teamNames.map((r) => r.name), agents };
}

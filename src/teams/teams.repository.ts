import { and, asc, count, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { teamMembers, teams } from './teams.tables';
import { users } from '../accounts/accounts.tables';
import type { Db } from '../platform/db/client';

export type Team = typeof teams.$inferSelect;

export const findTeamById = (db: Db, id: string): Team | undefined => db.select().from(teams).where(eq(teams.id, id)).get();

/** Names are unique regardless of case, so "Sales" and "sales" cannot both exist. */
export const findTeamByName = (db: Db, name: string): Team | undefined =>
  db
    .select()
    .from(teams)
    .where(sql`lower(${teams.name}) = lower(${name})`)
    .get();

export const listTeamsWithMemberCounts = (db: Db) =>
  db
    .select({ id: teams.id, name: teams.name, description: teams.description, memberCount: count(teamMembers.userId) })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .groupBy(teams.id)
    .orderBy(asc(teams.name))
    .all();

export const insertTeam = (db: Db, row: typeof teams.$inferInsert) => db.insert(teams).values(row).run();

export const updateTeam = (db: Db, id: string, changes: Partial<typeof teams.$inferInsert>) => db.update(teams).set(changes).where(eq(teams.id, id)).run();

export const deleteTeam = (db: Db, id: string) => db.delete(teams).where(eq(teams.id, id)).run();

export const listTeamMembers = (db: Db, teamId: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name))
    .all();

/** Active people not yet in the team: the choices for "add member". */
export const listUsersOutsideTeam = (db: Db, teamId: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(isNull(users.disabledAt), notInArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)))))
    .orderBy(asc(users.name))
    .all();

export const isTeamMember = (db: Db, teamId: string, userId: string): boolean =>
  db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .get() !== undefined;

export const listTeamIdsOfUser = (db: Db, userId: string): string[] =>
  db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId))
    .all()
    .map((row) => row.teamId);

/** True when the row was new (adding someone twice is a no-op). */
export const insertTeamMember = (db: Db, row: typeof teamMembers.$inferInsert): boolean =>
  db.insert(teamMembers).values(row).onConflictDoNothing().returning({ userId: teamMembers.userId }).all().length > 0;

/** True when there was a row to remove. */
export const deleteTeamMember = (db: Db, teamId: string, userId: string): boolean =>
  db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning({ userId: teamMembers.userId })
    .all().length > 0;

import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { teamMembers } from '../teams/teams.tables';

/** Enabled supervisors who are members of the team (a breach is theirs to know about). */
export function teamSupervisorIds(db: Db, teamId: string | null): string[] {
  if (!teamId) return [];
  return db
    .select({ id: users.id })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.role, 'supervisor'), isNull(users.disabledAt)))
    .all()
    .map((u) => u.id);
}

export const adminIds = (db: Db): string[] =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .all()
    .map((u) => u.id);

import { asc, inArray, isNull, and } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { inboxes } from '../conversations/conversations.tables';
import { teams } from '../teams/teams.tables';
import { users } from '../accounts/accounts.tables';

/** What the report filters offer: every inbox, team and person who can hold conversations, by name. */
export function reportChoices(db: Db) {
  return {
    inboxes: db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes).orderBy(asc(inboxes.name)).all(),
    teams: db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)).all(),
    agents: db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.role, ['admin', 'supervisor', 'agent']), isNull(users.disabledAt)))
      .orderBy(asc(users.name))
      .all(),
  };
}

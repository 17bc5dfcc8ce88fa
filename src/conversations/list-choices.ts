import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { teams } from '../teams/teams.tables';
import { listLabels, type LabelView } from './labels.repository';

/** The options the filter form, the bulk bar and the actions sidebar offer: agents, teams and labels. */
export interface ListChoices {
  agents: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  labels: LabelView[];
}

export function listChoices(db: Db): ListChoices {
  return {
    agents: db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(isNull(users.disabledAt), inArray(users.role, ['admin', 'supervisor', 'agent'])))
      .orderBy(asc(users.name), asc(users.id))
      .all(),
    teams: db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)).all(),
    labels: listLabels(db).map(({ id, name, color }) => ({ id, name, color })),
  };
}

import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { teams } from '../teams/teams.tables';
import { listCalendarChoices } from '../business-hours/calendars/calendars.repository';
import { listInboxChoices } from '../conversations/conversation-views.repository';
import { listLabels } from '../conversations/labels.repository';
import { listSlaPolicies, type SlaPolicy } from './sla-policies.repository';
import type { SlaChoiceIds } from './sla-policy-form';

export interface Choice {
  id: string;
  name: string;
}

export interface SlaChoices {
  calendars: Choice[];
  teams: Choice[];
  inboxes: Choice[];
  labels: Choice[];
  /** Who a "reassign to a named supervisor" step may name: enabled supervisors and admins. */
  supervisors: Choice[];
}

export function slaChoices(db: Db): SlaChoices {
  return {
    calendars: listCalendarChoices(db),
    teams: db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)).all(),
    inboxes: listInboxChoices(db),
    labels: listLabels(db).map((l) => ({ id: l.id, name: l.name })),
    supervisors: db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.role, ['supervisor', 'admin']), isNull(users.disabledAt)))
      .orderBy(asc(users.name))
      .all(),
  };
}

export const choiceIds = (c: SlaChoices): SlaChoiceIds => ({
  calendarIds: new Set(c.calendars.map((x) => x.id)),
  teamIds: new Set(c.teams.map((x) => x.id)),
  inboxIds: new Set(c.inboxes.map((x) => x.id)),
  labelIds: new Set(c.labels.map((x) => x.id)),
  supervisorIds: new Set(c.supervisors.map((x) => x.id)),
});

/** One row of the policies table, with names resolved for the "applies to" and escalation summaries. */
export interface SlaPolicyRow {
  policy: SlaPolicy;
  /** Names of the rule's team, inbox and label (the view translates priority and VIP itself). */
  ruleNames: { team?: string; inbox?: string; label?: string };
}

export function slaPolicyRows(db: Db, choices: SlaChoices): SlaPolicyRow[] {
  const name = (list: Choice[], id: string | undefined) => (id ? (list.find((c) => c.id === id)?.name ?? '?') : undefined);
  return listSlaPolicies(db).map((policy) => ({
    policy,
    ruleNames: { team: name(choices.teams, policy.match.teamId), inbox: name(choices.inboxes, policy.match.inboxId), label: name(choices.labels, policy.match.labelId) },
  }));
}

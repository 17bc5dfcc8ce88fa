import { asc } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { FieldErrors } from '../platform/http/form-errors';
import type { TimelineText } from '../i18n/timeline-text';
import { teams } from '../teams/teams.tables';
import { inboxes } from '../conversations/conversations.tables';
import { labels } from '../conversations/labels.tables';
import { PRIORITIES } from './assignment-policy';
import { ATTRIBUTE_OPERATORS, KEYWORD_MODES } from './routing-rules.schemas';
import { listRoutingRules } from './routing-rules.repository';
import { summarizeRule } from './routing-rule-summary';
import type { RuleFormValues } from './routing-rule-form';
import type { RoutingTrial } from './try-routing';

type Option = { id: string; name: string };

const teamOptions = (db: Db): Option[] => db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)).all();
const inboxOptions = (db: Db): Option[] => db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes).orderBy(asc(inboxes.createdAt), asc(inboxes.id)).all();
const labelOptions = (db: Db): Option[] => db.select({ id: labels.id, name: labels.name }).from(labels).orderBy(asc(labels.name)).all();
const byId = (options: Option[]) => new Map(options.map((option) => [option.id, option.name]));

/** The list page: every rule summarised in the viewer's terms, and the test box as typed with its answer. */
export function routingPageView(db: Db, test: { trial: RoutingTrial; result?: TimelineText }, saved = false) {
  const inboxList = inboxOptions(db);
  const names = { teams: byId(teamOptions(db)), inboxes: byId(inboxList), labels: byId(labelOptions(db)) };
  const rules = listRoutingRules(db).map((rule) => ({
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    broken: !rule.valid,
    teamMissing: rule.valid && !names.teams.has(rule.then.teamId),
    ...summarizeRule(rule, names),
  }));
  return { rules, saved, test: { trial: test.trial, inboxes: inboxList, result: test.result } };
}

/** The add/edit form with what it offers: teams, inboxes and labels as they are now. */
export function ruleFormView(db: Db, values: RuleFormValues, errors: FieldErrors = {}, ruleId?: string) {
  return {
    ruleId,
    values,
    errors,
    teams: teamOptions(db),
    inboxes: inboxOptions(db),
    labels: labelOptions(db),
    keywordModes: KEYWORD_MODES,
    attributeOperators: ATTRIBUTE_OPERATORS,
    priorities: PRIORITIES,
  };
}

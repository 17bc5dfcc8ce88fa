import { eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { teams } from '../../src/teams/teams.tables';
import { inboxes } from '../../src/conversations/conversations.tables';
import { labels } from '../../src/conversations/labels.tables';
import { createRoutingRule } from '../../src/assignment/manage-routing-rules';
import { EMPTY_RULE_FORM, type RuleFormValues } from '../../src/assignment/routing-rule-form';

/** Builders for routing tests: teams, labels, an inbox's default team and rules saved through the real use case. */
export function seedTeam(t: TestApp, name: string): string {
  const id = t.deps.newId('tem');
  const now = t.clock.now();
  t.deps.db.insert(teams).values({ id, name, createdAt: now, updatedAt: now }).run();
  return id;
}

export function seedLabel(t: TestApp, name: string): string {
  const id = t.deps.newId('lbl');
  const now = t.clock.now();
  t.deps.db.insert(labels).values({ id, name, createdAt: now, updatedAt: now }).run();
  return id;
}

export function setDefaultTeam(t: TestApp, inboxId: string, teamId: string | null) {
  t.deps.db.update(inboxes).set({ defaultTeamId: teamId }).where(eq(inboxes.id, inboxId)).run();
}

export function seedRule(t: TestApp, values: Partial<RuleFormValues> & { name: string; team_id: string }): string {
  const result = createRoutingRule({ ...EMPTY_RULE_FORM, ...values }, { id: null, label: 'test' }, t.deps);
  if (!result.ok) throw new Error(`rule refused: ${JSON.stringify(result.errors)}`);
  return result.ruleId;
}

import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { createErrorFactory } from '../platform/errors';
import { toFieldErrors, type FieldErrors } from '../platform/http/form-errors';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { teams } from '../teams/teams.tables';
import { inboxes } from '../conversations/conversations.tables';
import { labels } from '../conversations/labels.tables';
import { routingRules } from './routing-rules.tables';
import { draftFromForm, ruleFormSchema, type RuleDraft } from './routing-rules.schemas';
import { findRoutingRule, listRoutingRules, nextRulePosition } from './routing-rules.repository';
import type { RuleFormValues } from './routing-rule-form';

type Deps = { db: Db; clock: Clock; newId: NewId };
export type SaveRuleResult = { ok: true; ruleId: string } | { ok: false; errors: FieldErrors };

export const createRuleNotFoundError = createErrorFactory({ code: 'routing_rules.not_found', status: 404, messageKey: 'routing.error.notFound' });

/** The form checked, including that its team, inboxes and labels still exist; errors are per field. */
function checkForm(db: Db, values: RuleFormValues): { draft: RuleDraft } | { errors: FieldErrors } {
  const parsed = ruleFormSchema.safeParse(values);
  if (!parsed.success) return { errors: toFieldErrors(parsed.error) ?? { _form: 'routing.error.invalid' } };
  const draft = draftFromForm(parsed.data);
  const errors: FieldErrors = {};
  if (!db.select({ id: teams.id }).from(teams).where(eq(teams.id, draft.then.teamId)).get()) errors.team_id = 'routing.error.teamRequired';
  const exist = (table: typeof inboxes | typeof labels, idsWanted: readonly string[] = []) =>
    idsWanted.length === 0 || db.select({ id: table.id }).from(table).where(inArray(table.id, [...idsWanted])).all().length === new Set(idsWanted).size;
  if (!exist(inboxes, draft.when.inboxIds)) errors.inbox_ids = 'routing.error.unknownInbox';
  if (!exist(labels, draft.then.labels)) errors.label_ids = 'routing.error.unknownLabel';
  return Object.keys(errors).length > 0 ? { errors } : { draft };
}

const auditDetails = (draft: RuleDraft) => ({ name: draft.name, teamId: draft.then.teamId });

/** Adds a rule at the end of the list (tried last), enabled. */
export function createRoutingRule(values: RuleFormValues, actor: AuditActor, deps: Deps): SaveRuleResult {
  return runInTransaction(deps.db, (tx): SaveRuleResult => {
    const checked = checkForm(tx, values);
    if ('errors' in checked) return { ok: false, errors: checked.errors };
    const now = deps.clock.now();
    const ruleId = deps.newId('rrl');
    const { name, when, then } = checked.draft;
    tx.insert(routingRules)
      .values({ id: ruleId, position: nextRulePosition(tx), name, enabled: true, when: JSON.stringify(when), then: JSON.stringify(then), createdAt: now, updatedAt: now })
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'routing_rule.created', targetType: 'routing_rule', targetId: ruleId, details: auditDetails(checked.draft) });
    return { ok: true, ruleId };
  });
}

/** Replaces a rule's name, conditions and result; its place in the order and its on/off state stay. */
export function updateRoutingRule(ruleId: string, values: RuleFormValues, actor: AuditActor, deps: Deps): SaveRuleResult {
  return runInTransaction(deps.db, (tx): SaveRuleResult => {
    if (!findRoutingRule(tx, ruleId)) throw createRuleNotFoundError();
    const checked = checkForm(tx, values);
    if ('errors' in checked) return { ok: false, errors: checked.errors };
    const now = deps.clock.now();
    const { name, when, then } = checked.draft;
    tx.update(routingRules).set({ name, when: JSON.stringify(when), then: JSON.stringify(then), updatedAt: now }).where(eq(routingRules.id, ruleId)).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'routing_rule.updated', targetType: 'routing_rule', targetId: ruleId, details: auditDetails(checked.draft) });
    return { ok: true, ruleId };
  });
}

export function deleteRoutingRule(ruleId: string, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const rule = findRoutingRule(tx, ruleId);
    if (!rule) throw createRuleNotFoundError();
    tx.delete(routingRules).where(eq(routingRules.id, ruleId)).run();
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'routing_rule.deleted', targetType: 'routing_rule', targetId: ruleId, details: { name: rule.name } });
  });
}

/** Switches a rule on or off without losing it; the same state again records nothing. */
export function setRoutingRuleEnabled(ruleId: string, enabled: boolean, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const row = tx.select({ name: routingRules.name, enabled: routingRules.enabled }).from(routingRules).where(eq(routingRules.id, ruleId)).get();
    if (!row) throw createRuleNotFoundError();
    if (row.enabled === enabled) return;
    const now = deps.clock.now();
    tx.update(routingRules).set({ enabled, updatedAt: now }).where(eq(routingRules.id, ruleId)).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: enabled ? 'routing_rule.enabled' : 'routing_rule.disabled', targetType: 'routing_rule', targetId: ruleId, details: { name: row.name } });
  });
}

/** Swaps a rule with its neighbour above or below; at either end it stays put and nothing is recorded. */
export function moveRoutingRule(ruleId: string, direction: 'up' | 'down', actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const order = listRoutingRules(tx).map((rule) => rule.id);
    const from = order.indexOf(ruleId);
    if (from < 0) throw createRuleNotFoundError();
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    const now = deps.clock.now();
    // Renumbered 1…n, so positions stay distinct whatever earlier edits left behind.
    order.forEach((id, index) => tx.update(routingRules).set({ position: index + 1 }).where(eq(routingRules.id, id)).run());
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'routing_rule.moved', targetType: 'routing_rule', targetId: ruleId, details: { direction, position: to + 1 } });
  });
}

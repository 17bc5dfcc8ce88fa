import { runInTransaction, type Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { createErrorFactory } from '../platform/errors';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { deleteKeywordRuleRow, findKeywordRule, insertKeywordRule, updateKeywordRule, type KeywordRuleValues } from './keyword-rules.repository';

type Deps = { db: Db; clock: Clock; newId: NewId };

export const createRuleNotFoundError = createErrorFactory({ code: 'keyword_rule_not_found', status: 404, messageKey: 'automation.error.ruleNotFound' });

const auditDetails = (values: KeywordRuleValues) => ({
  name: values.name,
  inboxId: values.inboxId,
  enabled: values.enabled,
  keywords: values.keywords.length,
  matchMode: values.matchMode,
  variants: values.replies.length,
  buttons: values.buttons.length,
  handOver: values.handOver,
});

/** Creates a keyword rule (validated values) and returns its id. */
export function createKeywordRule(values: KeywordRuleValues, actor: AuditActor, deps: Deps): string {
  const id = deps.newId('kwr');
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    insertKeywordRule(tx, id, values, now);
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'automation.rule_created', targetType: 'keyword_rule', targetId: id, details: auditDetails(values) });
  });
  return id;
}

/** Replaces a keyword rule's settings; 404 AppError when it does not exist. */
export function editKeywordRule(id: string, values: KeywordRuleValues, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    if (!findKeywordRule(tx, id)) throw createRuleNotFoundError();
    const now = deps.clock.now();
    updateKeywordRule(tx, id, values, now);
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'automation.rule_changed', targetType: 'keyword_rule', targetId: id, details: auditDetails(values) });
  });
}

/** Deletes a keyword rule; 404 AppError when it does not exist. Messages it sent keep its name. */
export function deleteKeywordRule(id: string, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const rule = findKeywordRule(tx, id);
    if (!rule) throw createRuleNotFoundError();
    deleteKeywordRuleRow(tx, id);
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'automation.rule_deleted', targetType: 'keyword_rule', targetId: id, details: { name: rule.name } });
  });
}

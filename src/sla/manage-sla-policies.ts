import { eq, ne } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { createErrorFactory } from '../platform/errors';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { slaPolicies } from './sla.tables';
import type { SlaPolicyInput } from './sla-policy-form';

type Deps = { db: Db; clock: Clock; newId: NewId };
const createPolicyNotFoundError = createErrorFactory({ code: 'sla.not_found', status: 404, messageKey: 'sla.error.unknown' });

const columns = (input: SlaPolicyInput) => ({
  name: input.name,
  firstResponseMinutes: input.firstResponseMinutes,
  nextResponseMinutes: input.nextResponseMinutes,
  resolutionMinutes: input.resolutionMinutes,
  clock: input.clock,
  calendarId: input.calendarId,
  warningPercent: input.warningPercent,
  escalation: JSON.stringify(input.escalation),
  match: JSON.stringify(input.match),
  position: input.position,
  isDefault: input.isDefault,
});

/** There is at most one default policy: choosing a new one takes the flag off the old. */
function keepOneDefault(tx: Db, input: SlaPolicyInput, id: string) {
  if (input.isDefault) tx.update(slaPolicies).set({ isDefault: false }).where(ne(slaPolicies.id, id)).run();
}

/** Creates a policy (or updates `policyId`'s); conversations already measured keep their clocks until an event re-selects. */
export function saveSlaPolicy(input: SlaPolicyInput, policyId: string | null, actor: AuditActor, deps: Deps): { policyId: string } {
  return runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    if (policyId) {
      const changed = tx.update(slaPolicies).set({ ...columns(input), updatedAt: now }).where(eq(slaPolicies.id, policyId)).returning({ id: slaPolicies.id }).all();
      if (!changed.length) throw createPolicyNotFoundError();
    } else {
      policyId = deps.newId('slp');
      tx.insert(slaPolicies).values({ id: policyId, ...columns(input), createdAt: now, updatedAt: now }).run();
    }
    keepOneDefault(tx, input, policyId);
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'sla_policy.saved', targetType: 'sla_policy', targetId: policyId, details: { name: input.name } });
    return { policyId };
  });
}

/** Deleting a policy leaves its conversations' history (clocks keep their numbers; policy_id becomes null). */
export function deleteSlaPolicy(policyId: string, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const found = tx.select({ name: slaPolicies.name }).from(slaPolicies).where(eq(slaPolicies.id, policyId)).get();
    if (!found) throw createPolicyNotFoundError();
    tx.delete(slaPolicies).where(eq(slaPolicies.id, policyId)).run();
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'sla_policy.deleted', targetType: 'sla_policy', targetId: policyId, details: { name: found.name } });
  });
}

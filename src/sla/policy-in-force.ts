import type { Db } from '../platform/db/client';
import { calendarForPolicy, loadSlaConversation, type SlaConversation } from './sla-context';
import { findConversationSla, saveConversationSla } from './sla-clocks.repository';
import { findSlaPolicy, listSlaPolicies, type SlaPolicy } from './sla-policies.repository';
import { chooseSlaPolicy } from './choose-sla-policy';
import type { PolicyInForce } from './sla-clock-ops';

export interface SlaSubject {
  conversation: SlaConversation;
  /** Undefined when no policy applies (none defined, no default). */
  ctx: PolicyInForce | undefined;
  /** True when this call chose a different policy than the one recorded before. */
  changed: boolean;
}

/**
 * The conversation with its policy. `reselect` runs the selection rules again (opened, team changed); otherwise the
 * recorded policy stays, chosen afresh only when there is none (conversations older than their SLA, policy deleted).
 * `policies` lets a caller handling a batch read (and parse) the policy list once instead of once per event.
 */
export function policyInForce(tx: Db, conversationId: string, at: number, reselect: boolean, policies: () => SlaPolicy[] = () => listSlaPolicies(tx)): SlaSubject | undefined {
  const conversation = loadSlaConversation(tx, conversationId);
  if (!conversation) return undefined;
  const recorded = findConversationSla(tx, conversationId);
  const keep = !reselect && recorded ? findSlaPolicy(tx, recorded.policyId) : undefined;
  const policy = keep ?? chooseSlaPolicy(policies(), conversation);
  const changed = (policy?.id ?? null) !== (recorded?.policyId ?? null);
  if (!recorded || changed) {
    saveConversationSla(tx, {
      conversationId,
      policyId: policy?.id ?? null,
      breachedAt: recorded?.breachedAt ?? null,
      escalationStep: recorded?.escalationStep ?? 0,
      updatedAt: at,
    });
  }
  return { conversation, ctx: policy ? { policy, calendar: calendarForPolicy(tx, policy, conversation.inboxId) } : undefined, changed };
}

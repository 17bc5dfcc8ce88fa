import type { SlaMatch } from './sla.tables';

/** What selection rules look at. */
export interface ConversationFacts {
  priority: string;
  vip: boolean;
  teamId: string | null;
  inboxId: string;
  labelIds: readonly string[];
}

export interface SelectablePolicy {
  id: string;
  match: SlaMatch;
  position: number;
  isDefault: boolean;
}

export function matches(match: SlaMatch, facts: ConversationFacts): boolean {
  if (match.priority !== undefined && match.priority !== facts.priority) return false;
  if (match.vip !== undefined && match.vip !== facts.vip) return false;
  if (match.teamId !== undefined && match.teamId !== facts.teamId) return false;
  if (match.inboxId !== undefined && match.inboxId !== facts.inboxId) return false;
  if (match.labelId !== undefined && !facts.labelIds.includes(match.labelId)) return false;
  return true;
}

/**
 * The first non-default policy, by position, whose rule matches; else the default policy; else none (no SLA). A
 * non-default policy with an empty rule matches everything, so it shadows those after it: the settings page says so.
 */
export function chooseSlaPolicy<P extends SelectablePolicy>(policies: readonly P[], facts: ConversationFacts): P | undefined {
  const ordered = policies.filter((p) => !p.isDefault).sort((a, b) => a.position - b.position);
  return ordered.find((p) => matches(p.match, facts)) ?? policies.find((p) => p.isDefault);
}

import type { AgentState } from './assignment-policy';

/** Why one eligible agent lost to another under `least_open`: the tie-breaks, in the order they apply. */
export type LeastOpenTieBreak = 'fewest_open' | 'longest_idle' | 'lowest_id';

/** Fewest open conversations first; then idle the longest (never busy counts as longest); then id, for determinism. */
export function compareLeastOpen(a: AgentState, b: AgentState): number {
  return a.openCount - b.openCount || idleKey(a) - idleKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Which rule put `winner` ahead of `loser` (winner must sort first). */
export function decidingTieBreak(winner: AgentState, loser: AgentState): LeastOpenTieBreak {
  if (winner.openCount !== loser.openCount) return 'fewest_open';
  if (idleKey(winner) !== idleKey(loser)) return 'longest_idle';
  return 'lowest_id';
}

function idleKey(agent: AgentState): number {
  return agent.idleSince ?? -Infinity;
}

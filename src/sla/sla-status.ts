/** What a running target (or a conversation) looks like at `now`: the badge colour and what the job acts on. */
export type SlaStatus = 'ok' | 'warning' | 'breached';

export interface DueTimes {
  warnAt: number | null;
  dueAt: number | null;
}

export function slaStatus(times: DueTimes, now: number): SlaStatus {
  if (times.dueAt !== null && now >= times.dueAt) return 'breached';
  if (times.warnAt !== null && now >= times.warnAt) return 'warning';
  return 'ok';
}

const RANK: Record<SlaStatus, number> = { ok: 0, warning: 1, breached: 2 };

/** The worst of several targets' statuses; null when none is running. */
export function worstStatus(statuses: readonly SlaStatus[]): SlaStatus | null {
  return statuses.reduce<SlaStatus | null>((worst, s) => (worst === null || RANK[s] > RANK[worst] ? s : worst), null);
}

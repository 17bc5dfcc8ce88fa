import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { ESCALATION_ACTIONS, slaPolicies, type EscalationTier, type SlaMatch } from './sla.tables';

export interface SlaPolicy {
  id: string;
  name: string;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: 'business' | 'always';
  calendarId: string | null;
  warningPercent: number;
  escalation: EscalationTier[];
  match: SlaMatch;
  position: number;
  isDefault: boolean;
}

type Row = typeof slaPolicies.$inferSelect;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Stored JSON is read defensively: an unknown tier action is dropped rather than run. */
export function toSlaPolicy(row: Row): SlaPolicy {
  const tiers = parseJson<EscalationTier[]>(row.escalation, []);
  return {
    id: row.id,
    name: row.name,
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    clock: row.clock,
    calendarId: row.calendarId,
    warningPercent: row.warningPercent,
    escalation: Array.isArray(tiers) ? tiers.filter((t) => (ESCALATION_ACTIONS as readonly string[]).includes(t?.action)) : [],
    match: parseJson<SlaMatch>(row.match, {}),
    position: row.position,
    isDefault: row.isDefault,
  };
}

/** Default first, then by position: the order the settings page lists them in. */
export const listSlaPolicies = (db: Db): SlaPolicy[] =>
  db.select().from(slaPolicies).orderBy(desc(slaPolicies.isDefault), asc(slaPolicies.position), asc(slaPolicies.name)).all().map(toSlaPolicy);

export function findSlaPolicy(db: Db, id: string | null | undefined): SlaPolicy | undefined {
  if (!id) return undefined;
  const row = db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).get();
  return row ? toSlaPolicy(row) : undefined;
}

/** Target length in ms, or null when the policy does not measure it. */
export function targetMinutes(policy: SlaPolicy, target: 'first_response' | 'next_response' | 'resolution'): number | null {
  if (target === 'first_response') return policy.firstResponseMinutes;
  if (target === 'next_response') return policy.nextResponseMinutes;
  return policy.resolutionMinutes;
}

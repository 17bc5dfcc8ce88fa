import type { Db } from '../platform/db/client';

/**
 * THE capacity hook for manual assignment and transfer: may this agent take one more conversation? Always yes until
 * the routing issue adds per-agent caps; it will count the agent's open conversations here. Supervisors and admins
 * can override a refusal (conversation-change.ts mayOverrideCapacity).
 */
export function canTakeMore(_db: Db, _userId: string): boolean {
  return true;
}

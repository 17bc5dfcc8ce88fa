import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { settings } from './settings.tables';

/** Small teams' rule of thumb: after this many automatic messages in 24 hours only people write to the customer. */
export const DEFAULT_AUTOMATIC_MESSAGES_PER_DAY = 3;
export const AUTOMATIC_LIMIT_MIN = 0;
export const AUTOMATIC_LIMIT_MAX = 20;
const KEY = 'automation';

/**
 * Automatic messages a customer may get in 24 hours. Business-wide, not per inbox: the count is per customer across
 * every number (conversations/automatic-message-budget.ts), so one limit is the only one that means what it says.
 * It lives down here so every automatic sender (auto-replies, bot, queue notices, surveys) obeys the same number.
 */
export function getAutomaticMessageLimit(db: Db): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_AUTOMATIC_MESSAGES_PER_DAY;
  try {
    const limit = (JSON.parse(row.value) as { perDay?: unknown }).perDay;
    return typeof limit === 'number' && Number.isInteger(limit) && limit >= AUTOMATIC_LIMIT_MIN && limit <= AUTOMATIC_LIMIT_MAX ? limit : DEFAULT_AUTOMATIC_MESSAGES_PER_DAY;
  } catch {
    return DEFAULT_AUTOMATIC_MESSAGES_PER_DAY;
  }
}

export function writeAutomaticMessageLimit(tx: Db, perDay: number, actorId: string | null, now: number): void {
  const value = JSON.stringify({ perDay });
  tx.insert(settings)
    .values({ key: KEY, value, updatedAt: now, updatedBy: actorId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: actorId } })
    .run();
}

import { eq } from 'drizzle-orm';
import { settings } from '../settings/settings.tables';
import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';

const KEY = 'notes';
/** Small teams asked for short notes ("date | issue type | state"), so the default is tight; admins may widen it. */
export const NOTE_LIMIT_DEFAULT = 300;
export const NOTE_LIMIT_MIN = 50;
export const NOTE_LIMIT_MAX = 2000;

const isValidLimit = (n: number) => Number.isInteger(n) && n >= NOTE_LIMIT_MIN && n <= NOTE_LIMIT_MAX;

/** The longest internal note allowed, in characters (code points). */
export function getNoteLimit(db: Db): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return NOTE_LIMIT_DEFAULT;
  try {
    const limit = (JSON.parse(row.value) as { limit?: unknown }).limit;
    return typeof limit === 'number' && isValidLimit(limit) ? limit : NOTE_LIMIT_DEFAULT;
  } catch {
    return NOTE_LIMIT_DEFAULT;
  }
}

/** Saves the limit; returns false (and changes nothing) when it is not a whole number in range. */
export function saveNoteLimit(raw: string, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): boolean {
  const limit = /^\s*\d{1,5}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!isValidLimit(limit)) return false;
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    const value = JSON.stringify({ limit });
    tx.insert(settings)
      .values({ key: KEY, value, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: actor.id } })
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'settings.changed', targetType: 'settings', targetId: KEY, details: { limit } });
  });
  return true;
}

import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from './settings.tables';
import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';

export interface StoredSettings<T> {
  readonly key: string;
  readonly defaults: T;
  /** The stored values over the defaults; the defaults when nothing (or nothing valid) is stored. */
  get(db: Db): T;
  /** Validates (throws ZodError on bad input, changing nothing), stores and audits the new values. */
  save(input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): T;
}

/**
 * One group of admin settings kept as a JSON row of the `settings` table under `key`. A field added in a later
 * version takes its default for old rows, because stored values are merged over the defaults before parsing.
 * `auditDetails` picks what the audit entry shows (long texts need not be copied into it).
 */
export function storedSettings<S extends z.ZodType<object>>(key: string, schema: S, defaults: z.output<S>, auditDetails: (value: z.output<S>) => Record<string, unknown> = (value) => ({ ...(value as Record<string, unknown>) })): StoredSettings<z.output<S>> {
  return {
    key,
    defaults,
    get(db) {
      const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
      if (!row) return defaults;
      let stored: unknown;
      try {
        stored = JSON.parse(row.value);
      } catch {
        return defaults;
      }
      const parsed = schema.safeParse({ ...defaults, ...(stored as object) });
      return parsed.success ? parsed.data : defaults;
    },
    save(input, actor, deps) {
      const valid = schema.parse(input);
      runInTransaction(deps.db, (tx) => {
        const now = deps.clock.now();
        const value = JSON.stringify(valid);
        tx.insert(settings)
          .values({ key, value, updatedAt: now, updatedBy: actor.id })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: actor.id } })
          .run();
        recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'settings.changed', targetType: 'settings', targetId: key, details: auditDetails(valid) });
      });
      return valid;
    },
  };
}

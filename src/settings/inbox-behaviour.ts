import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from './settings.tables';
import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';

const KEY = 'inbox_behaviour';

/** Whole minutes from a form or stored JSON; blank or non-numbers fail the range check instead of becoming 0. */
const minutes = (min: number, max: number, message: string) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number({ error: message }).int(message).min(min, message).max(max, message));

export const inboxBehaviourSchema = z.object({
  /** How long a reply lock lasts without typing or sending. */
  lockMinutes: minutes(5, 15, 'lock.settings.lockMinutes.range'),
  /** How long a waiting customer may sit with an idle assignee before going back to the queue; 0 turns it off. */
  idleReleaseMinutes: minutes(0, 120, 'lock.settings.idleMinutes.range'),
});
export type InboxBehaviour = z.infer<typeof inboxBehaviourSchema>;

export const DEFAULT_INBOX_BEHAVIOUR: InboxBehaviour = { lockMinutes: 7, idleReleaseMinutes: 3 };

/** The reply-lock length and idle-release limit; defaults until an admin changes them. */
export function getInboxBehaviour(db: Db): InboxBehaviour {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_INBOX_BEHAVIOUR;
  const parsed = inboxBehaviourSchema.safeParse({ ...DEFAULT_INBOX_BEHAVIOUR, ...JSON.parse(row.value) });
  return parsed.success ? parsed.data : DEFAULT_INBOX_BEHAVIOUR;
}

/** Validates (throws ZodError on bad input, changing nothing), stores and audits the new values. */
export function saveInboxBehaviour(input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): InboxBehaviour {
  const valid = inboxBehaviourSchema.parse(input);
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    const value = JSON.stringify(valid);
    tx.insert(settings)
      .values({ key: KEY, value, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: actor.id } })
      .run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'settings.changed', targetType: 'settings', targetId: KEY, details: valid });
  });
  return valid;
}

import { z } from 'zod';
import type { Db } from '../platform/db/client';
import type { AuditActor } from '../audit/record-audit';
import { storedSettings } from './stored-settings';
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

const stored = storedSettings(KEY, inboxBehaviourSchema, DEFAULT_INBOX_BEHAVIOUR);

/** The reply-lock length and idle-release limit; defaults until an admin changes them. */
export const getInboxBehaviour = (db: Db): InboxBehaviour => stored.get(db);

/** Validates (throws ZodError on bad input, changing nothing), stores and audits the new values. */
export const saveInboxBehaviour = (input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): InboxBehaviour => stored.save(input, actor, deps);

import { z } from 'zod';
import type { Db } from '../../platform/db/client';
import type { AuditActor } from '../../audit/record-audit';
import { storedSettings } from '../../settings/stored-settings';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';

const KEY = 'auto_resolve';
export const MAX_AUTO_RESOLVE_HOURS = 720;

const closingMessage = z.string().trim().max(1024, 'autoResolve.message.tooLong');

export const autoResolveSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Whole hours the customer may leave a pending conversation unanswered before it is resolved. */
  hours: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number({ error: 'autoResolve.hours.range' }).int('autoResolve.hours.range').min(1, 'autoResolve.hours.range').max(MAX_AUTO_RESOLVE_HOURS, 'autoResolve.hours.range'),
  ),
  /** Optional closing message in each language; both empty = resolve silently. */
  messageEn: closingMessage,
  messageAr: closingMessage,
});
export type AutoResolveSettings = z.infer<typeof autoResolveSettingsSchema>;

export const DEFAULT_AUTO_RESOLVE: AutoResolveSettings = { enabled: true, hours: 24, messageEn: '', messageAr: '' };

const stored = storedSettings(KEY, autoResolveSettingsSchema, DEFAULT_AUTO_RESOLVE, (valid) => ({ enabled: valid.enabled, hours: valid.hours }));

/** On, after 24 hours, without a closing message, until an admin changes it. */
export const getAutoResolveSettings = (db: Db): AutoResolveSettings => stored.get(db);

/** Validates (throws ZodError on bad input, changing nothing), stores and audits the new values. */
export const saveAutoResolveSettings = (input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }): AutoResolveSettings => stored.save(input, actor, deps);

import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from './settings.tables';
import { runInTransaction, type Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { isValidTimeZone } from '../i18n/format';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';

const KEY = 'business';

export const businessSettingsSchema = z.object({
  businessName: z.string().trim().min(1, 'field.businessName.required').max(100, 'field.name.tooLong'),
  timeZone: z.string().refine(isValidTimeZone, 'field.timeZone.invalid'),
  defaultLocale: z.enum(['en', 'ar'], { error: 'field.locale.invalid' }),
});
export type BusinessSettings = z.infer<typeof businessSettingsSchema>;

export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = { businessName: 'Rasil', timeZone: 'UTC', defaultLocale: 'en' };

// Read on every request (page chrome): a prepared statement, and the last stored text parsed only once.
let lastParsed: { text: string; value: BusinessSettings } | null = null;

/** The business's name, time zone and default language; defaults until the owner sets them at first run. */
export function getBusinessSettings(db: Db): BusinessSettings {
  const row = prepared(db, 'settings.byKey', (d) => d.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare()).get({ key: KEY });
  if (!row) return DEFAULT_BUSINESS_SETTINGS;
  if (lastParsed?.text !== row.value) {
    const parsed = businessSettingsSchema.safeParse({ ...DEFAULT_BUSINESS_SETTINGS, ...JSON.parse(row.value) });
    lastParsed = { text: row.value, value: parsed.success ? parsed.data : DEFAULT_BUSINESS_SETTINGS };
  }
  return lastParsed.value;
}

export function saveBusinessSettings(input: unknown, actor: AuditActor, deps: { db: Db; clock: Clock; newId: NewId }) {
  const valid = businessSettingsSchema.parse(input);
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

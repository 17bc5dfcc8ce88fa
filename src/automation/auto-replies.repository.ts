import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { autoReplySettings } from './automation.tables';
import { DEFAULT_AUTO_REPLY_CONFIG, type AutoReplyConfig } from './auto-reply-config';


/** One inbox's welcome and out-of-hours replies; all off when never saved. */
export function getAutoReplyConfig(db: Db, inboxId: string): AutoReplyConfig {
  // Prepared: automation reads the config for every customer message.
  const row = prepared(db, 'automation.autoReplyConfig', (d) =>
    d.select().from(autoReplySettings).where(eq(autoReplySettings.inboxId, sql.placeholder('inboxId'))).prepare(),
  ).get({ inboxId });
  if (!row) return DEFAULT_AUTO_REPLY_CONFIG;
  return {
    welcome: { enabled: row.welcomeEnabled, text: { en: row.welcomeEn, ar: row.welcomeAr }, afterDays: row.welcomeAfterDays },
    outOfHours: { enabled: row.outOfHoursEnabled, text: { en: row.outOfHoursEn, ar: row.outOfHoursAr }, everyHours: row.outOfHoursEveryHours },
  };
}

export function writeAutoReplyConfig(tx: Db, inboxId: string, config: AutoReplyConfig, now: number): void {
  const values = {
    welcomeEnabled: config.welcome.enabled,
    welcomeEn: config.welcome.text.en,
    welcomeAr: config.welcome.text.ar,
    welcomeAfterDays: config.welcome.afterDays,
    outOfHoursEnabled: config.outOfHours.enabled,
    outOfHoursEn: config.outOfHours.text.en,
    outOfHoursAr: config.outOfHours.text.ar,
    outOfHoursEveryHours: config.outOfHours.everyHours,
    updatedAt: now,
  };
  tx.insert(autoReplySettings)
    .values({ inboxId, ...values })
    .onConflictDoUpdate({ target: autoReplySettings.inboxId, set: values })
    .run();
}


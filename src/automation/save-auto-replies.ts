import { runInTransaction, type Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AutoReplyConfig } from './auto-reply-config';
import { writeAutoReplyConfig } from './auto-replies.repository';
import { writeAutomaticMessageLimit } from '../settings/automatic-message-limit';

type Deps = { db: Db; clock: Clock; newId: NewId };

/** Saves one inbox's welcome and out-of-hours replies (already validated), with an audit line (no texts in it). */
export function saveAutoReplies(inboxId: string, config: AutoReplyConfig, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    writeAutoReplyConfig(tx, inboxId, config, now);
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'automation.auto_replies_changed',
      targetType: 'inbox',
      targetId: inboxId,
      details: { welcome: config.welcome.enabled, welcomeAfterDays: config.welcome.afterDays, outOfHours: config.outOfHours.enabled, outOfHoursEveryHours: config.outOfHours.everyHours },
    });
  });
}

/** Saves the business-wide number of automatic messages a customer may get in 24 hours. */
export function saveAutomaticLimit(perDay: number, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    writeAutomaticMessageLimit(tx, perDay, actor.id, now);
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'automation.limit_changed', targetType: 'settings', targetId: 'automation', details: { perDay } });
  });
}

import { eq } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { inboxes } from './conversations.tables';
import { findInbox } from './conversations.repository';
import { createInboxNotFoundError } from './inbox-settings.errors';
import type { InboxSettingsDeps } from './add-inbox-member';

export interface InboxVisibilitySettings {
  privateMode: boolean;
  privateShowsQueue: boolean;
}

/** Switches private mode and whether it shows the queue; audited only when something actually changed. */
export function updateInboxSettings({ inboxId, ...settings }: { inboxId: string } & InboxVisibilitySettings, actor: AuditActor, deps: InboxSettingsDeps) {
  return runInTransaction(deps.db, (tx) => {
    const inbox = findInbox(tx, inboxId);
    if (!inbox) throw createInboxNotFoundError();
    if (inbox.privateMode === settings.privateMode && inbox.privateShowsQueue === settings.privateShowsQueue) return { changed: false };
    const now = deps.clock.now();
    tx.update(inboxes).set({ ...settings, updatedAt: now }).where(eq(inboxes.id, inboxId)).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'inbox.settings_changed',
      targetType: 'inbox',
      targetId: inboxId,
      details: { from: { privateMode: inbox.privateMode, privateShowsQueue: inbox.privateShowsQueue }, to: settings },
    });
    return { changed: true };
  });
}

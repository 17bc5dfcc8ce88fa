import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { findInbox } from './conversations.repository';
import { deleteInboxMember } from './inbox-members.repository';
import { createInboxNotFoundError } from './inbox-settings.errors';
import type { InboxSettingsDeps } from './add-inbox-member';

/** Takes a person out of the inbox; removing someone who is not a member changes nothing. */
export function removeInboxMember({ inboxId, userId }: { inboxId: string; userId: string }, actor: AuditActor, deps: InboxSettingsDeps) {
  return runInTransaction(deps.db, (tx) => {
    if (!findInbox(tx, inboxId)) throw createInboxNotFoundError();
    const removed = deleteInboxMember(tx, inboxId, userId);
    if (removed) recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'inbox.member_removed', targetType: 'inbox', targetId: inboxId, details: { userId } });
    return { changed: removed };
  });
}

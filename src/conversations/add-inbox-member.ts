import { runInTransaction, type Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { findUserById } from '../accounts/users.repository';
import { findInbox } from './conversations.repository';
import { insertInboxMember, MEMBER_ROLES } from './inbox-members.repository';
import { createInboxMemberUnavailableError, createInboxNotFoundError } from './inbox-settings.errors';

export interface InboxSettingsDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

/** Makes an active agent or supervisor a member of the inbox; adding a member twice changes nothing. */
export function addInboxMember({ inboxId, userId }: { inboxId: string; userId: string }, actor: AuditActor, deps: InboxSettingsDeps) {
  return runInTransaction(deps.db, (tx) => {
    if (!findInbox(tx, inboxId)) throw createInboxNotFoundError();
    const user = userId ? findUserById(tx, userId) : undefined;
    if (!user || user.disabledAt !== null || !(MEMBER_ROLES as readonly string[]).includes(user.role)) throw createInboxMemberUnavailableError();
    const now = deps.clock.now();
    const added = insertInboxMember(tx, { inboxId, userId, addedAt: now });
    if (added) recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'inbox.member_added', targetType: 'inbox', targetId: inboxId, details: { userId, email: user.email } });
    return { changed: added };
  });
}

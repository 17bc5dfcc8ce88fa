import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { LiveHub } from '../platform/live-hub';
import { users, type Role } from '../accounts/accounts.tables';
import { ensureCanActOnConversation } from './conversation-access';
import { canViewConversation } from './inbox-access';
import type { Conversation } from './conversations.repository';

/** What every list and conversation action needs: who acts, and where the change is written and announced. */
export interface ChangeActor {
  id: string;
  name: string;
  role: Role;
}

export interface ChangeDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  live?: Pick<LiveHub, 'publish'>;
}

/** The conversation if the actor may change it; the same 404 as a missing one otherwise (inbox-access.ts). */
export const actableConversation = (db: Db, actor: ChangeActor, conversationId: string): Conversation =>
  ensureCanActOnConversation(db, { user: { id: actor.id, role: actor.role } }, conversationId);

/** Tells open tabs after the commit; never inside the transaction. */
export function publishChanged(deps: Pick<ChangeDeps, 'live'>, changed: readonly Pick<Conversation, 'id' | 'inboxId'>[]): void {
  for (const c of changed) deps.live?.publish({ type: 'conversation.changed', conversationId: c.id, inboxId: c.inboxId });
}

const ASSIGNABLE_ROLES: Role[] = ['admin', 'supervisor', 'agent'];

/** An enabled inbox user who may see this conversation, or undefined. */
export function assignableUser(db: Db, userId: string, conversation: Pick<Conversation, 'inboxId' | 'assigneeId'>): { id: string; name: string; role: Role } | undefined {
  const user = db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt), inArray(users.role, ASSIGNABLE_ROLES)))
    .get();
  // Judged as if it were theirs: private-mode inboxes show assignees their own conversations.
  return user && canViewConversation(db, { user }, { inboxId: conversation.inboxId, assigneeId: user.id }) ? user : undefined;
}

/** Supervisors and admins may assign past an agent's capacity; agents may not. */
export const mayOverrideCapacity = (actor: ChangeActor) => actor.role === 'admin' || actor.role === 'supervisor';

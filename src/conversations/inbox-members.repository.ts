import { and, asc, count, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { inboxes } from './conversations.tables';
import { inboxMembers } from './inbox-members.tables';

/** Roles that can be inbox members: the people who work conversations (admins see everything anyway). */
export const MEMBER_ROLES = ['agent', 'supervisor'] as const;

export function listInboxesWithAccess(db: Db) {
  return db
    .select({ id: inboxes.id, name: inboxes.name, privateMode: inboxes.privateMode, privateShowsQueue: inboxes.privateShowsQueue, memberCount: count(inboxMembers.userId) })
    .from(inboxes)
    .leftJoin(inboxMembers, eq(inboxMembers.inboxId, inboxes.id))
    .groupBy(inboxes.id)
    .orderBy(asc(inboxes.name), asc(inboxes.id))
    .all();
}

export function listInboxMembers(db: Db, inboxId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(inboxMembers)
    .innerJoin(users, eq(users.id, inboxMembers.userId))
    .where(eq(inboxMembers.inboxId, inboxId))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** Active agents and supervisors not yet members of the inbox. */
export function listInboxMemberCandidates(db: Db, inboxId: string) {
  const memberIds = db.select({ id: inboxMembers.userId }).from(inboxMembers).where(eq(inboxMembers.inboxId, inboxId));
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, [...MEMBER_ROLES]), notInArray(users.id, memberIds)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** True when the row was new. */
export function insertInboxMember(db: Db, row: typeof inboxMembers.$inferInsert): boolean {
  return db.insert(inboxMembers).values(row).onConflictDoNothing().returning({ userId: inboxMembers.userId }).all().length > 0;
}

/** True when there was such a member. */
export function deleteInboxMember(db: Db, inboxId: string, userId: string): boolean {
  return (
    db
      .delete(inboxMembers)
      .where(and(eq(inboxMembers.inboxId, inboxId), eq(inboxMembers.userId, userId)))
      .returning({ userId: inboxMembers.userId })
      .all().length > 0
  );
}

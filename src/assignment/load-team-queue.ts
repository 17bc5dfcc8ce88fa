import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { prepared } from '../platform/db/prepared';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { contacts } from '../contacts/contacts.tables';
import { conversations } from '../conversations/conversations.tables';
import { inboxMembers } from '../conversations/inbox-members.tables';
import type { ConversationToAssign } from './assignment-policy';

/** A queued conversation as the queue orders it (enough for positions); `toAssign` adds the sticky facts. */
export interface QueuedRow {
  id: string;
  contactId: string;
  teamId: string | null;
  inboxId: string;
  priority: ConversationToAssign['priority'];
  vip: boolean;
  ownerAgentId: string | null;
  requiredSkill: string | null;
  excludedAgentId: string | null;
  waitingSince: number;
}

const queuedColumns = {
  id: conversations.id,
  contactId: conversations.contactId,
  teamId: conversations.teamId,
  inboxId: conversations.inboxId,
  priority: conversations.priority,
  vip: contacts.vip,
  ownerAgentId: contacts.ownerAgentId,
  requiredSkill: conversations.requiredSkill,
  excludedAgentId: conversations.excludedAgentId,
  queuedAt: conversations.queuedAt,
};

/** Everything waiting in the team's queue: open, unassigned, routed, not with the bot. */
export function loadTeamQueue(db: Db, teamId: string): QueuedRow[] {
  return db
    .select(queuedColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.teamId, teamId), isNotNull(conversations.queuedAt), isNull(conversations.assigneeId), eq(conversations.status, 'open'), eq(conversations.withBot, false)))
    .all()
    .map(({ queuedAt, ...row }) => ({ ...row, waitingSince: queuedAt! }));
}

/** Teams with at least one conversation waiting in their queue. */
export function teamsWithQueue(db: Db): string[] {
  return db
    .selectDistinct({ teamId: conversations.teamId })
    .from(conversations)
    .where(and(isNotNull(conversations.teamId), isNotNull(conversations.queuedAt), isNull(conversations.assigneeId), eq(conversations.status, 'open')))
    .all()
    .map((row) => row.teamId!);
}

// Run once per queued conversation decided: prepared, so a burst of 1,000 does not build the query 1,000 times.
const previousServed = (db: Db) =>
  prepared(db, 'assignment.previousServed', (d) =>
    d
      .select({ assigneeId: conversations.assigneeId, resolvedAt: conversations.resolvedAt, lastMessageAt: conversations.lastMessageAt })
      .from(conversations)
      .where(and(eq(conversations.contactId, sql.placeholder('contactId')), ne(conversations.id, sql.placeholder('id')), isNotNull(conversations.assigneeId)))
      .orderBy(desc(conversations.createdAt))
      .limit(1)
      .prepare(),
  );

/** Adds who served this contact last (the assignee of their previous conversation) and when, for sticky routing. */
export function toAssign(db: Db, row: QueuedRow): ConversationToAssign {
  const previous = previousServed(db).get({ contactId: row.contactId, id: row.id });
  return {
    id: row.id,
    contactId: row.contactId,
    priority: row.priority,
    vip: row.vip,
    ownerAgentId: row.ownerAgentId,
    lastAgentId: previous?.assigneeId ?? null,
    lastServedAt: previous ? (previous.resolvedAt ?? previous.lastMessageAt) : null,
    requiredSkill: row.requiredSkill,
    waitingSince: row.waitingSince,
    excludedAgentIds: row.excludedAgentId ? [row.excludedAgentId] : [],
  };
}

/**
 * Agents of these ids who may not see the inbox (agents outside its members, when it has members; admins and
 * supervisors see every inbox): the assigner treats them as excluded from its conversations.
 */
export function agentsWithoutInboxAccess(db: Db, inboxId: string, userIds: readonly string[]): Set<string> {
  const members = new Set(db.select({ id: inboxMembers.userId }).from(inboxMembers).where(eq(inboxMembers.inboxId, inboxId)).all().map((row) => row.id));
  if (members.size === 0 || userIds.length === 0) return new Set();
  const agents = db.select({ id: users.id }).from(users).where(and(inArray(users.id, [...userIds]), eq(users.role, 'agent'))).all();
  return new Set(agents.filter((agent) => !members.has(agent.id)).map((agent) => agent.id));
}

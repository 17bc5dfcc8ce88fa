import { and, desc, eq, ne, lt, or, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { conversations, inboxes, type ConversationStatus } from './conversations.tables';

export type Conversation = typeof conversations.$inferSelect;
export type Inbox = typeof inboxes.$inferSelect;

export function findConversation(db: Db, id: string): Conversation | undefined {
  return prepared(db, 'conversations.byId', (d) => d.select().from(conversations).where(eq(conversations.id, sql.placeholder('id'))).prepare()).get({ id });
}

export function findInbox(db: Db, id: string): Inbox | undefined {
  return prepared(db, 'inboxes.byId', (d) => d.select().from(inboxes).where(eq(inboxes.id, sql.placeholder('id'))).prepare()).get({ id });
}

const byInboxAndContact = () => and(eq(conversations.inboxId, sql.placeholder('inboxId')), eq(conversations.contactId, sql.placeholder('contactId')));

/** The contact's latest conversation in the inbox that is not resolved: where a new inbound message belongs. */
export function findActiveConversation(db: Db, inboxId: string, contactId: string): Conversation | undefined {
  return prepared(db, 'conversations.active', (d) =>
    d
      .select()
      .from(conversations)
      .where(and(byInboxAndContact(), ne(conversations.status, 'resolved')))
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(1)
      .prepare(),
  ).get({ inboxId, contactId });
}

/** The contact's latest conversation in the inbox whatever its status (for events that must land somewhere). */
export function findLatestConversation(db: Db, inboxId: string, contactId: string): Conversation | undefined {
  return prepared(db, 'conversations.latest', (d) =>
    d.select().from(conversations).where(byInboxAndContact()).orderBy(desc(conversations.createdAt), desc(conversations.id)).limit(1).prepare(),
  ).get({ inboxId, contactId });
}

export interface ListConversationsFilter {
  inboxIds?: string[];
  statuses?: ConversationStatus[];
  assigneeId?: string | null;
  contactId?: string;
  /** Keyset cursor: conversations whose last message is older than this one's. */
  before?: { lastMessageAt: number; id: string };
  limit?: number;
}

/** Conversations newest activity first, with keyset paging. */
export function listConversations(db: Db, filter: ListConversationsFilter = {}): Conversation[] {
  const where: SQL[] = [];
  if (filter.inboxIds) where.push(filter.inboxIds.length ? inArray(conversations.inboxId, filter.inboxIds) : eq(conversations.id, ''));
  if (filter.statuses?.length) where.push(inArray(conversations.status, filter.statuses));
  if (filter.assigneeId !== undefined) where.push(filter.assigneeId === null ? isNull(conversations.assigneeId) : eq(conversations.assigneeId, filter.assigneeId));
  if (filter.contactId) where.push(eq(conversations.contactId, filter.contactId));
  if (filter.before) {
    const { lastMessageAt, id } = filter.before;
    where.push(or(lt(conversations.lastMessageAt, lastMessageAt), and(eq(conversations.lastMessageAt, lastMessageAt), lt(conversations.id, id)))!);
  }
  return db
    .select()
    .from(conversations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(filter.limit ?? 50)
    .all();
}

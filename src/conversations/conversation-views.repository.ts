import { aliasedTable, and, asc, count, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { teams } from '../teams/teams.tables';
import { contacts } from '../contacts/contacts.tables';
import { conversations, inboxes, type ConversationStatus } from './conversations.tables';

/** Read models for the inbox pages and the REST API: conversations joined with who and where. */
const assignees = aliasedTable(users, 'assignees');

const conversationColumns = {
  id: conversations.id,
  status: conversations.status,
  priority: conversations.priority,
  inboxId: conversations.inboxId,
  inboxName: inboxes.name,
  contactId: conversations.contactId,
  contactName: contacts.name,
  contactProfileName: contacts.profileName,
  contactPhone: contacts.phone,
  contactWaId: contacts.waId,
  contactUserId: contacts.userId,
  contactUsername: contacts.username,
  assigneeId: conversations.assigneeId,
  assigneeName: assignees.name,
  teamId: conversations.teamId,
  teamName: teams.name,
  lastInboundAt: conversations.lastInboundAt,
  lastMessageAt: conversations.lastMessageAt,
  lastMessagePreview: conversations.lastMessagePreview,
  unreadCount: conversations.unreadCount,
  snoozedUntil: conversations.snoozedUntil,
  resolvedAt: conversations.resolvedAt,
  slaDueAt: conversations.slaDueAt,
  slaState: conversations.slaState,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
};

export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  priority: string;
  inboxId: string;
  inboxName: string;
  contactId: string;
  contactName: string;
  contactProfileName: string;
  contactPhone: string;
  contactWaId: string | null;
  contactUserId: string | null;
  contactUsername: string;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  teamName: string | null;
  lastInboundAt: number | null;
  lastMessageAt: number;
  lastMessagePreview: string;
  unreadCount: number;
  snoozedUntil: number | null;
  resolvedAt: number | null;
  /** The nearest running SLA deadline and its state (written by the SLA module); null = no SLA running. */
  slaDueAt: number | null;
  slaState: 'ok' | 'warning' | 'breached' | null;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationQuery {
  statuses?: readonly ConversationStatus[];
  inboxId?: string;
  assigneeId?: string;
  teamId?: string;
  /** Who may see what (inbox-access.ts visibleConversationFilter); callers serving a person must pass it. */
  visible?: SQL;
  /** More conditions (list views, filters, search: list-query.ts), already allowlisted and parameterised. */
  where?: SQL[];
  /** Sort key and direction (list-query.ts listOrder); newest activity first when absent. */
  order?: { key: SQL<number>; direction: 'asc' | 'desc' };
  /** Keyset cursor: only conversations sorting after this one; `lastMessageAt` holds the order key's value. */
  after?: { lastMessageAt: number; id: string };
  limit: number;
}

function joined(db: Db) {
  return db
    .select(conversationColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .leftJoin(assignees, eq(assignees.id, conversations.assigneeId))
    .leftJoin(teams, eq(teams.id, conversations.teamId));
}

/** Newest activity first with keyset paging; asks for one extra row so callers know whether more follow. */
export function listConversationSummaries(db: Db, query: ConversationQuery): { rows: ConversationSummary[]; hasMore: boolean } {
  const rows = conversationListQuery(db, query).all();
  return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

/** The list query itself, unexecuted, so its plan can be checked against the indexes. */
export function conversationListQuery(db: Db, query: ConversationQuery) {
  const where: SQL[] = [];
  if (query.statuses?.length) where.push(inArray(conversations.status, [...query.statuses]));
  if (query.inboxId) where.push(eq(conversations.inboxId, query.inboxId));
  if (query.assigneeId) where.push(eq(conversations.assigneeId, query.assigneeId));
  if (query.teamId) where.push(eq(conversations.teamId, query.teamId));
  if (query.visible) where.push(query.visible);
  if (query.where) where.push(...query.where);
  const order = query.order ?? { key: sql<number>`${conversations.lastMessageAt}`, direction: 'desc' };
  const beyond = order.direction === 'desc' ? lt : gt;
  if (query.after) {
    const { lastMessageAt, id } = query.after;
    where.push(or(beyond(order.key, lastMessageAt), and(eq(order.key, lastMessageAt), beyond(conversations.id, id)))!);
  }
  const by = order.direction === 'desc' ? desc : asc;
  return joined(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(by(order.key), by(conversations.id))
    .limit(query.limit + 1);
}

export function findConversationSummary(db: Db, id: string): ConversationSummary | undefined {
  return joined(db).where(eq(conversations.id, id)).get();
}

/** Tab counts stop here ("1,000+"): counting every row of a busy shop on each page view costs more than it tells. */
export const TAB_COUNT_CAP = 1000;

export interface TabCount {
  count: number;
  /** True when there are more than `count` (the cap was reached). */
  more: boolean;
}

/**
 * How many conversations each status tab holds (within one inbox when given), counted only up to TAB_COUNT_CAP so the
 * cost stays flat however many conversations exist (bench: the uncapped count scanned 100k rows on every list page).
 */
export function countConversationsByStatus(db: Db, inboxId?: string, visible?: SQL, where: SQL[] = []): Record<ConversationStatus, TabCount> {
  const countOf = (status: ConversationStatus): TabCount => {
    const capped = db
      .select({ one: sql<number>`1` })
      .from(conversations)
      .where(and(eq(conversations.status, status), inboxId ? eq(conversations.inboxId, inboxId) : undefined, visible, ...where))
      .limit(TAB_COUNT_CAP + 1)
      .as('capped');
    const total = db.select({ total: count() }).from(capped).get()?.total ?? 0;
    return { count: Math.min(total, TAB_COUNT_CAP), more: total > TAB_COUNT_CAP };
  };
  return { open: countOf('open'), pending: countOf('pending'), snoozed: countOf('snoozed'), resolved: countOf('resolved') };
}

export const listInboxChoices = (db: Db) => db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes).orderBy(asc(inboxes.name), asc(inboxes.id)).all();

/**
 * Opening a conversation reads it: the unread counter goes back to zero. Returns true when it was unread, so the
 * caller knows whether a read receipt is worth sending.
 */
export function resetUnreadCount(db: Db, conversationId: string): boolean {
  return (
    db
      .update(conversations)
      .set({ unreadCount: 0 })
      .where(and(eq(conversations.id, conversationId), gt(conversations.unreadCount, 0)))
      .returning({ id: conversations.id })
      .all().length > 0
  );
}

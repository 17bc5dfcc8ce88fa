import { eq, isNull, sql, type SQL } from 'drizzle-orm';
import { CONVERSATION_STATUSES, conversations, messages, NOT_WAITING_KEY, type ConversationStatus } from './conversations.tables';
import { conversationLabels } from './labels.tables';
import { mentions } from './notifications.tables';
import type { ConversationSummary } from './conversation-views.repository';

/**
 * The conversation list's views, filters and sorts, read from the query string. Every value is checked against an
 * allowlist or an id pattern and bound as a parameter; anything else is ignored, so a hostile URL changes nothing.
 */
export const LIST_SORTS = ['newest', 'oldest_waiting', 'sla_due'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const FIXED_VIEWS = ['all', 'mine', 'unassigned', 'mentions'] as const;

export type ListView = { type: (typeof FIXED_VIEWS)[number] } | { type: 'inbox' | 'team'; id: string };

export interface ListFilters {
  view: ListView;
  status: ConversationStatus;
  labelId: string | null;
  priority: Priority | null;
  /** A user id, or 'none' for unassigned. */
  assigneeId: string | null;
  sort: ListSort;
  /** The search text as typed (trimmed); empty = no search. */
  q: string;
}

const ID = /^[\w-]{1,64}$/;
const pick = <T extends string>(allowed: readonly T[], value: string): T | null => ((allowed as readonly string[]).includes(value) ? (value as T) : null);
const idOrNull = (value: string) => (ID.test(value) ? value : null);

function parseView(value: string): ListView {
  const fixed = pick(FIXED_VIEWS, value);
  if (fixed) return { type: fixed };
  const match = /^(inbox|team):([\w-]{1,64})$/.exec(value);
  return match ? { type: match[1] as 'inbox' | 'team', id: match[2]! } : { type: 'all' };
}

export function parseListFilters(read: (name: string) => string): ListFilters {
  return {
    view: parseView(read('view')),
    status: pick(CONVERSATION_STATUSES, read('status')) ?? 'open',
    labelId: idOrNull(read('label')),
    priority: pick(PRIORITIES, read('priority')),
    assigneeId: idOrNull(read('assignee')),
    sort: pick(LIST_SORTS, read('sort')) ?? 'newest',
    q: read('q').trim().slice(0, 200),
  };
}

export const viewParam = (view: ListView) => ('id' in view ? `${view.type}:${view.id}` : view.type);

/** The filters as a query string (defaults left out), for "load more", tabs and the filter form. */
export function listParams(filters: ListFilters, overrides: Partial<Record<'status' | 'cursor', string>> = {}): URLSearchParams {
  const params = new URLSearchParams();
  const view = viewParam(filters.view);
  if (view !== 'all') params.set('view', view);
  params.set('status', overrides.status ?? filters.status);
  if (filters.labelId) params.set('label', filters.labelId);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.assigneeId) params.set('assignee', filters.assigneeId);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  if (filters.q) params.set('q', filters.q);
  if (overrides.cursor) params.set('cursor', overrides.cursor);
  return params;
}

/** The statuses listed: the tab's, except that a search spans every status (people search for old threads too). */
export const listStatuses = (filters: ListFilters): ConversationStatus[] | undefined => (filters.q ? undefined : [filters.status]);

/** WHERE conditions for the view and filters, status aside (the tabs count every status under the same filters). */
export function listConditions(filters: ListFilters, viewerId: string): SQL[] {
  const where: SQL[] = [];
  const view = filters.view;
  if (view.type === 'mine') where.push(eq(conversations.assigneeId, viewerId));
  if (view.type === 'unassigned') where.push(isNull(conversations.assigneeId));
  if (view.type === 'inbox') where.push(eq(conversations.inboxId, view.id));
  if (view.type === 'team') where.push(eq(conversations.teamId, view.id));
  if (view.type === 'mentions') {
    where.push(sql`exists (select 1 from ${mentions} join ${messages} on ${messages.id} = ${mentions.messageId} where ${mentions.userId} = ${viewerId} and ${messages.conversationId} = ${conversations.id})`);
  }
  if (filters.labelId) where.push(sql`exists (select 1 from ${conversationLabels} where ${conversationLabels.conversationId} = ${conversations.id} and ${conversationLabels.labelId} = ${filters.labelId})`);
  if (filters.priority) where.push(eq(conversations.priority, filters.priority));
  if (filters.assigneeId === 'none') where.push(isNull(conversations.assigneeId));
  else if (filters.assigneeId) where.push(eq(conversations.assigneeId, filters.assigneeId));
  return where;
}

/** Far in the future: rows without a key sort last under an ascending sort, and still page by id. */
const NO_KEY = NOT_WAITING_KEY;

export interface ListOrder {
  key: SQL<number>;
  direction: 'asc' | 'desc';
  /** The same key computed for a row, for the next page's cursor. */
  keyOf(row: Pick<ConversationSummary, 'lastMessageAt' | 'lastInboundAt' | 'slaDueAt'>): number;
}

const customerWaiting = (row: Pick<ConversationSummary, 'lastMessageAt' | 'lastInboundAt'>) => row.lastInboundAt !== null && row.lastInboundAt >= row.lastMessageAt;

/**
 * - newest: latest activity first;
 * - oldest_waiting: customers who wrote last, longest wait first; answered conversations after them;
 * - sla_due: the nearest running SLA deadline (sla_due_at, written by the SLA module), overdue ones first of all;
 *   conversations with no SLA running last.
 */
export function listOrder(sort: ListSort): ListOrder {
  if (sort === 'oldest_waiting') {
    return {
      // Spelled exactly like conversations_waiting_idx, with the constant inlined, so SQLite uses that index.
      key: sql<number>`(case when ${conversations.lastInboundAt} >= ${conversations.lastMessageAt} then ${conversations.lastInboundAt} else ${sql.raw(String(NO_KEY))} end)`,
      direction: 'asc',
      keyOf: (row) => (customerWaiting(row) ? row.lastInboundAt! : NO_KEY),
    };
  }
  if (sort === 'sla_due') {
    return {
      // Spelled exactly like conversations_sla_due_idx, with the constant inlined, so SQLite uses that index.
      key: sql<number>`(case when ${conversations.slaDueAt} is null then ${sql.raw(String(NO_KEY))} else ${conversations.slaDueAt} end)`,
      direction: 'asc',
      keyOf: (row) => row.slaDueAt ?? NO_KEY,
    };
  }
  return { key: sql<number>`${conversations.lastMessageAt}`, direction: 'desc', keyOf: (row) => row.lastMessageAt };
}

import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { MessageKey } from '../i18n/translate';
import type { ConversationStatus } from './conversations.tables';
import { countConversationsByStatus, listConversationSummaries, listInboxChoices, type TabCount } from './conversation-views.repository';
import { toConversationRow, type ConversationRowView } from './conversation-view';
import { encodeCursor, type Keyset } from './keyset-cursor';
import { listViewerInboxIds, visibleConversationFilter, type InboxViewer } from './inbox-access';
import { listConditions, listOrder, listParams, listStatuses, parseListFilters, type ListFilters } from './list-query';
import { listChoices, type ListChoices } from './list-choices';
import { labelsOfConversations, type LabelView } from './labels.repository';
import { parseSearchQuery } from './search/search-terms';
import { findMatchingMessages, matchingConversations } from './search/search.repository';
import { searchSnippet, type SearchSnippet } from './search/search-snippet';
import { slaBadgeView, type SlaBadgeView } from './sla-badge-view';

export const LIST_PAGE_SIZE = 25;

export interface ConversationListView {
  rows: ConversationRowView[];
  /** URL of the next page, when there is one. */
  moreUrl: string | null;
  now: number;
  showInbox: boolean;
  /** Per row: priority, labels and, in search results, the matching text. */
  details: Record<string, RowDetails>;
  /** True on the first page: an empty first page shows the empty state. */
  firstPage: boolean;
  searching: boolean;
  /** The search as typed, for "results for …". */
  query: string;
  /** What an empty first page says. */
  emptyKey: MessageKey;
}

export interface RowDetails {
  priority: string;
  labels: LabelView[];
  snippet: SearchSnippet | null;
  /** The SLA countdown badge; null when no SLA is running. */
  sla: SlaBadgeView | null;
}

export interface InboxView {
  status: ConversationStatus;
  inboxId: string | null;
  inboxes: { id: string; name: string }[];
  counts: Record<ConversationStatus, TabCount>;
  list: ConversationListView;
  /** The views, filters and search in force, and what the filter form and bulk bar offer. */
  filters: ListFilters;
  choices: ListChoices;
  /** Query string of the current filters without status and cursor, for the status tabs. */
  filterQuery: string;
}

export interface InboxQuery {
  status: ConversationStatus;
  /** Only this inbox; ignored when no such inbox exists. */
  inboxId: string | null;
  cursor?: Keyset;
  now: number;
  /** Whose list it is: only conversations this viewer may see are listed and counted (inbox-access.ts). */
  viewer: InboxViewer | undefined;
  /** Views, filters, sort and search (list-query.ts); the status tab alone when absent. */
  filters?: ListFilters;
}

/** The conversation list page: tabs with counts, the inbox filter, and one page of rows. */
export function buildInboxView(db: Db, query: InboxQuery): InboxView {
  const allowed = new Set(listViewerInboxIds(db, query.viewer));
  const inboxes = listInboxChoices(db).filter((inbox) => allowed.has(inbox.id));
  const inboxId = query.inboxId && inboxes.some((i) => i.id === query.inboxId) ? query.inboxId : null;
  const filters = query.filters ?? parseListFilters(() => '');
  const params = listParams(filters);
  params.delete('status');
  if (inboxId) params.set('inbox', inboxId);
  const filterQuery = params.toString();
  return {
    status: query.status,
    inboxId,
    inboxes,
    counts: countConversationsByStatus(db, inboxId ?? undefined, visibleConversationFilter(query.viewer), query.filters ? listConditions(query.filters, query.viewer?.user.id ?? '') : []),
    list: buildConversationListView(db, { ...query, inboxId }, inboxes.length > 1),
    filters,
    choices: listChoices(db),
    filterQuery,
  };
}

export function buildConversationListView(db: Db, query: InboxQuery, showInbox: boolean): ConversationListView {
  const filters = query.filters;
  const search = filters?.q ? parseSearchQuery(filters.q) : null;
  const where = filters ? listConditions(filters, query.viewer?.user.id ?? '') : [];
  // A search with nothing searchable in it (only punctuation, say) finds nothing rather than everything.
  if (search) where.push(search.match ? matchingConversations(search.match) : sql`0 = 1`);
  const order = listOrder(filters?.sort ?? 'newest');
  const { rows, hasMore } = listConversationSummaries(db, {
    statuses: filters ? listStatuses(filters) : [query.status],
    inboxId: query.inboxId ?? undefined,
    visible: visibleConversationFilter(query.viewer),
    where,
    order,
    after: query.cursor && { lastMessageAt: query.cursor.at, id: query.cursor.id },
    limit: LIST_PAGE_SIZE,
  });
  const last = rows.at(-1);
  const cursor = last ? encodeCursor({ at: order.keyOf(last), id: last.id }) : undefined;
  const params = filters ? listParams(filters, { cursor }) : new URLSearchParams({ status: query.status, ...(cursor ? { cursor } : {}) });
  if (query.inboxId) params.set('inbox', query.inboxId);
  const ids = rows.map((row) => row.id);
  const labels = labelsOfConversations(db, ids);
  const matches = search?.match ? findMatchingMessages(db, search.match, ids) : new Map<string, string>();
  const details: Record<string, RowDetails> = {};
  for (const row of rows) {
    const text = matches.get(row.id);
    details[row.id] = { priority: row.priority, labels: labels.get(row.id) ?? [], snippet: text && search ? searchSnippet(text, search.words) : null, sla: slaBadgeView(row, query.now) };
  }
  return {
    rows: rows.map((row) => toConversationRow(row, query.now)),
    moreUrl: hasMore && last ? `/conversations?${params}` : null,
    now: query.now,
    showInbox,
    details,
    firstPage: !query.cursor,
    searching: !!search,
    query: filters?.q ?? '',
    emptyKey: filters?.view.type === 'mentions' ? 'list.mentions.empty' : query.status === 'open' ? 'inbox.empty.open' : 'inbox.empty.other',
  };
}

import type { Db } from '../platform/db/client';
import type { ConversationStatus } from './conversations.tables';
import { countConversationsByStatus, listConversationSummaries, listInboxChoices } from './conversation-views.repository';
import { toConversationRow, type ConversationRowView } from './conversation-view';
import { encodeCursor, type Keyset } from './keyset-cursor';

export const LIST_PAGE_SIZE = 25;

export interface ConversationListView {
  rows: ConversationRowView[];
  /** URL of the next page, when there is one. */
  moreUrl: string | null;
  now: number;
  showInbox: boolean;
}

export interface InboxView {
  status: ConversationStatus;
  inboxId: string | null;
  inboxes: { id: string; name: string }[];
  counts: Record<ConversationStatus, number>;
  list: ConversationListView;
}

export interface InboxQuery {
  status: ConversationStatus;
  /** Only this inbox; ignored when no such inbox exists. */
  inboxId: string | null;
  cursor?: Keyset;
  now: number;
}

/** The conversation list page: tabs with counts, the inbox filter, and one page of rows. */
export function buildInboxView(db: Db, query: InboxQuery): InboxView {
  const inboxes = listInboxChoices(db);
  const inboxId = query.inboxId && inboxes.some((i) => i.id === query.inboxId) ? query.inboxId : null;
  return {
    status: query.status,
    inboxId,
    inboxes,
    counts: countConversationsByStatus(db, inboxId ?? undefined),
    list: buildConversationListView(db, { ...query, inboxId }, inboxes.length > 1),
  };
}

export function buildConversationListView(db: Db, query: InboxQuery, showInbox: boolean): ConversationListView {
  const { rows, hasMore } = listConversationSummaries(db, {
    statuses: [query.status],
    inboxId: query.inboxId ?? undefined,
    after: query.cursor && { lastMessageAt: query.cursor.at, id: query.cursor.id },
    limit: LIST_PAGE_SIZE,
  });
  const last = rows.at(-1);
  const params = new URLSearchParams({ status: query.status });
  if (query.inboxId) params.set('inbox', query.inboxId);
  if (last) params.set('cursor', encodeCursor({ at: last.lastMessageAt, id: last.id }));
  return {
    rows: rows.map((row) => toConversationRow(row, query.now)),
    moreUrl: hasMore && last ? `/conversations?${params}` : null,
    now: query.now,
    showInbox,
  };
}

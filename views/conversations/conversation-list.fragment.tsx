import type { PageContext } from '../layout/page-context';
import type { ConversationRowView } from '../../src/conversations/conversation-view';
import type { ConversationListView, RowDetails } from '../../src/conversations/inbox-list-view';
import { formatDuration } from './format-duration';
import { WindowBadge } from './window-badge';
import { ListNotice, RowLabels, RowSnippet } from './list-row-extras';
import { BULK_FORM_ID } from './bulk-bar';

export const CONVERSATION_LIST_ID = 'conversation-list';

/** Rows plus the "load more" control; a later page swaps in where that control was. */
export function ConversationRows({ page, view }: { page: PageContext; view: ConversationListView }) {
  return (
    <>
      <ListNotice page={page} view={view} />
      {view.rows.map((row) => (
        <ConversationRow page={page} row={row} now={view.now} showInbox={view.showInbox} details={view.details[row.id]} />
      ))}
      {view.moreUrl ? (
        <li class="list-more" id="list-more">
          <a href={view.moreUrl} hx-get={view.moreUrl} hx-target="#list-more" hx-swap="outerHTML" safe>
            {page.t('inbox.loadMore')}
          </a>
        </li>
      ) : (
        ''
      )}
    </>
  );
}

function ConversationRow({ page, row, now, showInbox, details }: { page: PageContext; row: ConversationRowView; now: number; showInbox: boolean; details?: RowDetails }) {
  const preview = 'text' in row.preview ? row.preview.text : page.t(row.preview.kindKey);
  return (
    <li class={`conversation-row${row.unreadCount > 0 ? ' unread' : ''}`} id={`conversation-${row.id}`}>
      <input type="checkbox" name="ids" value={row.id} form={BULK_FORM_ID} class="row-select" aria-labelledby={`select-${row.id} name-${row.id}`} />
      <span id={`select-${row.id}`} class="visually-hidden" safe>
        {page.t('list.bulk.select')}
      </span>
      <a href={`/conversations/${row.id}`} class="conversation-link">
        <span class="row-top">
          <strong class="contact-name" id={`name-${row.id}`} dir="auto" safe>
            {row.displayName}
          </strong>
          <time class="muted small" datetime={new Date(row.lastMessageAt).toISOString()} safe>
            {page.format.dateTime(row.lastMessageAt)}
          </time>
        </span>
        <span class="row-preview muted" dir="auto" safe>
          {preview}
        </span>
        {details?.snippet ? <RowSnippet snippet={details.snippet} /> : ''}
        <span class="row-badges">
          {row.unreadCount > 0 ? (
            <span class="badge unread-count" title={page.t('inbox.unread', { count: row.unreadCount })} safe>
              {page.format.number(row.unreadCount)}
            </span>
          ) : (
            ''
          )}
          {row.waitingSince !== null ? (
            <span class="badge waiting" safe>
              {page.t('inbox.waiting', { time: formatDuration(page, now - row.waitingSince) })}
            </span>
          ) : (
            ''
          )}
          <WindowBadge page={page} window={row.window} />
          {details ? <RowLabels page={page} details={details} /> : ''}
          <span class="badge assignee" dir="auto" safe>
            {row.assigneeName ?? page.t('inbox.unassigned')}
          </span>
          {showInbox ? (
            <span class="badge inbox-name" dir="auto" safe>
              {row.inboxName}
            </span>
          ) : (
            ''
          )}
        </span>
      </a>
    </li>
  );
}

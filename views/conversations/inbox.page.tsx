import type { PageContext } from '../layout/page-context';
import type { ConversationStatus } from '../../src/conversations/conversations.tables';
import type { InboxView } from '../../src/conversations/inbox-list-view';
import { AppShell } from '../layout/app-shell';
import { ConversationRows, CONVERSATION_LIST_ID } from './conversation-list.fragment';
import { ShortcutsHelp } from './shortcuts-help';
import { ListFilters } from './list-filters';
import { BulkBar } from './bulk-bar';

const TABS: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

/** The conversation list: a tab per status, an inbox filter when there are several, newest activity first. */
export function InboxPage({ page, view }: { page: PageContext; view: InboxView }) {
  const query = (status: ConversationStatus) => `/conversations?status=${status}${view.filterQuery ? `&${view.filterQuery}` : ''}`;
  return (
    <AppShell page={page} title={page.t('inbox.title')}>
      <div class="inbox-header">
        <h1 safe>{page.t('inbox.title')}</h1>
        {view.inboxes.length > 1 ? (
          <form method="get" action="/conversations" class="inbox-filter">
            <input type="hidden" name="status" value={view.status} />
            <label for="inbox-filter" class="visually-hidden" safe>
              {page.t('inbox.filter.inbox')}
            </label>
            <select id="inbox-filter" name="inbox">
              <option value="" safe>
                {page.t('inbox.filter.allInboxes')}
              </option>
              {view.inboxes.map((inbox) => (
                <option value={inbox.id} selected={inbox.id === view.inboxId} safe>
                  {inbox.name}
                </option>
              ))}
            </select>
            <button type="submit" class="secondary" safe>
              {page.t('inbox.filter.apply')}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
      <nav class="status-tabs" aria-label={page.t('inbox.filter.status')}>
        <ul>
          {TABS.map((status) => (
            <li>
              <a href={query(status)} aria-current={status === view.status ? 'page' : undefined}>
                <span safe>{page.t(`inbox.status.${status}`)}</span> <span class="tab-count" safe>{`${page.format.number(view.counts[status].count)}${view.counts[status].more ? '+' : ''}`}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ListFilters page={page} view={view} />
      <BulkBar page={page} choices={view.choices} returnTo={`/conversations?status=${view.status}${view.filterQuery ? `&${view.filterQuery}` : ''}`} />
      <ul id={CONVERSATION_LIST_ID} class="conversation-list">
        <ConversationRows page={page} view={view.list} />
      </ul>
      <ShortcutsHelp page={page} />
    </AppShell>
  );
}

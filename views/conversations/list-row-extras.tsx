import type { PageContext } from '../layout/page-context';
import type { ConversationListView, RowDetails } from '../../src/conversations/inbox-list-view';
import type { SearchSnippet } from '../../src/conversations/search/search-snippet';
import { SlaBadge } from './sla-badge';

/** The matching words of a search result, marked; every part escaped (customer text). */
export function RowSnippet({ snippet }: { snippet: SearchSnippet }) {
  return (
    <span class="row-snippet muted small" dir="auto">
      <span safe>{snippet.before}</span>
      <mark safe>{snippet.match}</mark>
      <span safe>{snippet.after}</span>
    </span>
  );
}

/** SLA countdown (when one runs), priority (unless normal) and labels, as badges. */
export function RowLabels({ page, details }: { page: PageContext; details: RowDetails }) {
  return (
    <>
      {details.sla ? <SlaBadge page={page} sla={details.sla} /> : ''}
      {details.priority !== 'normal' ? (
        <span class={`badge priority-${details.priority}`} safe>
          {page.t('list.priority.badge', { priority: page.t(`list.priority.${details.priority as 'low'}`) })}
        </span>
      ) : (
        ''
      )}
      {details.labels.map((label) => (
        <span class={`badge label-chip label-${label.color}`} dir="auto" safe>
          {label.name}
        </span>
      ))}
    </>
  );
}

/** First page only: what a search covers, or why the list is empty. */
export function ListNotice({ page, view }: { page: PageContext; view: ConversationListView }) {
  if (!view.firstPage) return <></>;
  if (view.searching) {
    return (
      <li class="list-notice muted" safe>
        {page.t(view.rows.length ? 'list.search.results' : 'list.search.none', { q: view.query })}
      </li>
    );
  }
  if (view.rows.length > 0) return <></>;
  return (
    <li class="list-notice card muted" safe>
      {page.t(view.emptyKey)}
    </li>
  );
}

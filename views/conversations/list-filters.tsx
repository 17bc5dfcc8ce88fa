import type { PageContext } from '../layout/page-context';
import type { InboxView } from '../../src/conversations/inbox-list-view';
import type { ListSort, ListView, Priority } from '../../src/conversations/list-query';
import { SearchBox } from './search-box';

// The type makes a missing or unknown value a compile error, so these cannot drift from list-query.ts's allowlists.
const keys = <K extends string>(record: Record<K, 1>) => Object.keys(record) as K[];
const FIXED_VIEWS = keys<Exclude<ListView, { id: string }>['type']>({ all: 1, mine: 1, unassigned: 1, mentions: 1 });
const LIST_SORTS = keys<ListSort>({ newest: 1, oldest_waiting: 1, sla_due: 1 });
export const PRIORITIES = keys<Priority>({ low: 1, normal: 1, high: 1, urgent: 1 });

/** View shortcuts (Mine, Unassigned, Mentions, All), then one GET form: search, inbox/team, label, priority, assignee, sort. */
export function ListFilters({ page, view }: { page: PageContext; view: InboxView }) {
  const f = view.filters;
  const current = 'id' in f.view ? `${f.view.type}:${f.view.id}` : f.view.type;
  const shortcut = (name: string) => `/conversations?${new URLSearchParams({ ...(name === 'all' ? {} : { view: name }), status: f.status })}`;
  return (
    <div class="list-filters">
      <nav class="view-tabs" aria-label={page.t('list.view.label')}>
        <ul>
          {FIXED_VIEWS.map((name) => (
            <li>
              <a href={shortcut(name)} aria-current={current === name ? 'page' : undefined} safe>
                {page.t(`list.view.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/conversations" class="filter-form" role="search">
        <input type="hidden" name="status" value={f.status} />
        {view.inboxId ? <input type="hidden" name="inbox" value={view.inboxId} /> : ''}
        <SearchBox page={page} q={f.q} />
        <label>
          <span safe>{page.t('list.filter.view')}</span>
          <select name="view">
            {FIXED_VIEWS.map((name) => (
              <option value={name} selected={current === name} safe>
                {page.t(`list.view.${name}`)}
              </option>
            ))}
            {view.inboxes.map((inbox) => (
              <option value={`inbox:${inbox.id}`} selected={current === `inbox:${inbox.id}`} safe>
                {page.t('list.filter.inboxOption', { name: inbox.name })}
              </option>
            ))}
            {view.choices.teams.map((team) => (
              <option value={`team:${team.id}`} selected={current === `team:${team.id}`} safe>
                {page.t('list.filter.teamOption', { name: team.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.filter.label')}</span>
          <select name="label">
            <option value="" safe>
              {page.t('list.filter.anyLabel')}
            </option>
            {view.choices.labels.map((label) => (
              <option value={label.id} selected={f.labelId === label.id} safe>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.filter.priority')}</span>
          <select name="priority">
            <option value="" safe>
              {page.t('list.filter.anyPriority')}
            </option>
            {PRIORITIES.map((p) => (
              <option value={p} selected={f.priority === p} safe>
                {page.t(`list.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.filter.assignee')}</span>
          <select name="assignee">
            <option value="" safe>
              {page.t('list.filter.anyAssignee')}
            </option>
            <option value="none" selected={f.assigneeId === 'none'} safe>
              {page.t('list.filter.nobody')}
            </option>
            {view.choices.agents.map((agent) => (
              <option value={agent.id} selected={f.assigneeId === agent.id} safe>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.filter.sort')}</span>
          <select name="sort">
            {LIST_SORTS.map((sort) => (
              <option value={sort} selected={f.sort === sort} safe>
                {page.t(`list.sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="secondary" safe>
          {page.t('list.filter.apply')}
        </button>
      </form>
    </div>
  );
}

import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';

export interface AuditEntryRow {
  id: string;
  at: number;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  ip: string;
  details: string;
}

export interface AuditView {
  entries: AuditEntryRow[];
  actions: string[];
  action: string;
  /** Id to continue from for the next (older) page, when there is one. */
  olderThan?: string;
  paged: boolean;
}

/** The action's label in the viewer's language, or the raw action name when none is known. */
const actionLabel = (page: PageContext, action: string) => {
  const key = `audit.action.${action}`;
  const label = page.t(key as MessageKey);
  return label === key ? action : label;
};

const withQuery = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((pair): pair is [string, string] => Boolean(pair[1]))).toString();
  return query ? `/settings/audit?${query}` : '/settings/audit';
};

/** The audit log, newest first, filterable by action, paged with "Older entries". */
export function AuditPage({ page, view }: { page: PageContext; view: AuditView }) {
  return (
    <SettingsShell page={page} title={page.t('audit.title')}>
      <h1 safe>{page.t('audit.title')}</h1>
      <p class="muted" safe>
        {page.t('audit.intro')}
      </p>
      <form method="get" action="/settings/audit" class="inline-form card">
        <label for="field-action" safe>
          {page.t('audit.filter.action')}
        </label>
        <select id="field-action" name="action">
          <option value="" safe>
            {page.t('audit.filter.all')}
          </option>
          {view.actions.map((action) => (
            <option value={action} selected={action === view.action} safe>
              {actionLabel(page, action)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary" safe>
          {page.t('audit.filter.submit')}
        </button>
      </form>
      {view.entries.length === 0 ? (
        <p class="card muted" safe>
          {page.t('audit.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table class="audit-table">
            <thead>
              <tr>
                <th safe>{page.t('audit.col.time')}</th>
                <th safe>{page.t('audit.col.actor')}</th>
                <th safe>{page.t('audit.col.action')}</th>
                <th safe>{page.t('audit.col.target')}</th>
                <th safe>{page.t('audit.col.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((entry) => (
                <AuditRow page={page} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="actions pager">
        {view.paged ? (
          <a href={withQuery({ action: view.action })} safe>
            {page.t('audit.newest')}
          </a>
        ) : (
          ''
        )}
        {view.olderThan ? (
          <a href={withQuery({ action: view.action, before: view.olderThan })} safe>
            {page.t('audit.older')}
          </a>
        ) : (
          ''
        )}
      </nav>
    </SettingsShell>
  );
}

function AuditRow({ page, entry }: { page: PageContext; entry: AuditEntryRow }) {
  const target = entry.targetType ? `${entry.targetType} ${entry.targetId}`.trim() : entry.targetId;
  return (
    <tr>
      <td class="nowrap" safe>
        {page.format.dateTime(entry.at)}
      </td>
      <td dir="ltr" safe>
        {entry.actorLabel}
      </td>
      <td>
        <span safe>{actionLabel(page, entry.action)}</span>
        {entry.details !== '{}' ? (
          <details>
            <summary safe>{page.t('audit.details')}</summary>
            <pre dir="ltr" safe>
              {entry.details}
            </pre>
          </details>
        ) : (
          ''
        )}
      </td>
      <td dir="ltr" safe>
        {target}
      </td>
      <td dir="ltr" safe>
        {entry.ip}
      </td>
    </tr>
  );
}

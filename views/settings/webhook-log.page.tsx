import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';

export type WebhookStatus = 'pending' | 'processed' | 'failed';

export interface WebhookLogRow {
  id: string;
  receivedAt: number;
  status: WebhookStatus;
  attempts: number;
  error: string | null;
  counts: Record<string, number>;
  bytes: number;
}

export interface WebhookLogView {
  rows: WebhookLogRow[];
  status: WebhookStatus | '';
  totals: Record<WebhookStatus, number>;
  olderThan?: string;
  paged: boolean;
}

const FILTERS: (WebhookStatus | '')[] = ['', 'pending', 'processed', 'failed'];

const link = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((pair): pair is [string, string] => Boolean(pair[1]))).toString();
  return query ? `/settings/webhooks?${query}` : '/settings/webhooks';
};

/** A counter's label in the viewer's language, or its raw name when none is known. */
export function countLabel(page: PageContext, key: string): string {
  const full = `webhooks.count.${key}`;
  const label = page.t(full as MessageKey);
  return label === full ? key : label;
}

export const statusLabel = (page: PageContext, status: WebhookStatus) => page.t(`webhooks.status.${status}` as MessageKey);

export function StatusBadge({ page, status }: { page: PageContext; status: WebhookStatus }) {
  const tone = status === 'processed' ? 'badge ok' : status === 'failed' ? 'badge off' : 'badge';
  return (
    <span class={tone} safe>
      {statusLabel(page, status)}
    </span>
  );
}

/** Every webhook Meta delivered, newest first: what it held, what became of it, and why it failed. */
export function WebhookLogPage({ page, view }: { page: PageContext; view: WebhookLogView }) {
  return (
    <SettingsShell page={page} title={page.t('webhooks.title')}>
      <h1 safe>{page.t('webhooks.title')}</h1>
      <p class="muted" safe>
        {page.t('webhooks.intro')}
      </p>
      <nav class="status-tabs" aria-label={page.t('webhooks.filter')}>
        <ul>
          {FILTERS.map((status) => (
            <li>
              <a href={link({ status })} aria-current={view.status === status ? 'page' : undefined} safe>
                {status ? `${statusLabel(page, status)} (${view.totals[status]})` : page.t('webhooks.filter.all')}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view.rows.length === 0 ? (
        <p class="card muted" safe>
          {page.t('webhooks.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table class="webhook-table">
            <thead>
              <tr>
                <th safe>{page.t('webhooks.col.received')}</th>
                <th safe>{page.t('webhooks.col.status')}</th>
                <th safe>{page.t('webhooks.col.contents')}</th>
                <th safe>{page.t('webhooks.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr>
                  <td class="nowrap">
                    <a href={`/settings/webhooks/${row.id}`} safe>
                      {page.format.dateTime(row.receivedAt)}
                    </a>
                  </td>
                  <td>
                    <StatusBadge page={page} status={row.status} />
                  </td>
                  <td>
                    <Counts page={page} counts={row.counts} />
                  </td>
                  <td class="webhook-error" dir="ltr" safe>
                    {row.error ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="actions pager">
        {view.paged ? (
          <a href={link({ status: view.status })} safe>
            {page.t('webhooks.newest')}
          </a>
        ) : (
          ''
        )}
        {view.olderThan ? (
          <a href={link({ status: view.status, before: view.olderThan })} safe>
            {page.t('webhooks.older')}
          </a>
        ) : (
          ''
        )}
      </nav>
    </SettingsShell>
  );
}

export function Counts({ page, counts }: { page: PageContext; counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="webhook-counts">
      {entries.map(([key, n]) => (
        <li safe>{`${countLabel(page, key)}: ${n}`}</li>
      ))}
    </ul>
  );
}

import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';
import { SettingsShell } from './settings-shell';
import { Notice } from './notice';
import { Counts, StatusBadge, type WebhookStatus } from './webhook-log.page';

export interface WebhookEntryView {
  id: string;
  receivedAt: number;
  processedAt: number | null;
  status: WebhookStatus;
  attempts: number;
  error: string | null;
  counts: Record<string, number>;
  notes: string[];
  /** The body as received, pretty-printed when it is JSON; shown as text, never interpreted. */
  body: string;
  truncated: boolean;
  notice?: string;
}

/** One journaled webhook: its raw body and outcome, with a button to process it again. */
export function WebhookEntryPage({ page, view }: { page: PageContext; view: WebhookEntryView }) {
  return (
    <SettingsShell page={page} title={page.t('webhooks.entry.title')}>
      <p>
        <a href="/settings/webhooks" safe>
          {page.t('webhooks.back')}
        </a>
      </p>
      <h1 safe>{page.t('webhooks.entry.title')}</h1>
      <Notice ok={view.notice} />
      <dl class="card webhook-facts">
        <dt safe>{page.t('webhooks.col.received')}</dt>
        <dd safe>{page.format.dateTime(view.receivedAt)}</dd>
        <dt safe>{page.t('webhooks.col.status')}</dt>
        <dd>
          <StatusBadge page={page} status={view.status} />
        </dd>
        <dt safe>{page.t('webhooks.entry.processedAt')}</dt>
        <dd safe>{view.processedAt === null ? '—' : page.format.dateTime(view.processedAt)}</dd>
        <dt safe>{page.t('webhooks.entry.attempts')}</dt>
        <dd safe>{String(view.attempts)}</dd>
        <dt safe>{page.t('webhooks.col.contents')}</dt>
        <dd>
          <Counts page={page} counts={view.counts} />
        </dd>
        {view.error ? (
          <>
            <dt safe>{page.t('webhooks.col.error')}</dt>
            <dd dir="ltr" safe>
              {view.error}
            </dd>
          </>
        ) : (
          ''
        )}
        {view.notes.length ? (
          <>
            <dt safe>{page.t('webhooks.entry.notes')}</dt>
            <dd>
              <ul dir="ltr">
                {view.notes.map((note) => (
                  <li safe>{note}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <form method="post" action={`/settings/webhooks/${view.id}/replay`} class="card">
        <CsrfField page={page} />
        <p class="muted" safe>
          {page.t('webhooks.replay.explain')}
        </p>
        <button type="submit" safe>
          {page.t('webhooks.replay')}
        </button>
      </form>
      <h2 safe>{page.t('webhooks.entry.body')}</h2>
      {view.truncated ? (
        <p class="muted" safe>
          {page.t('webhooks.entry.truncated')}
        </p>
      ) : (
        ''
      )}
      <pre class="webhook-body card" dir="ltr" safe>
        {view.body}
      </pre>
    </SettingsShell>
  );
}

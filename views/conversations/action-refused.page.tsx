import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';

/** A refused handling action (agent at capacity, snooze in the past…): the reason, and the way back. */
export function ActionRefusedPage({ page, message, backTo }: { page: PageContext; message: string; backTo: string }) {
  return (
    <AppShell page={page} title={page.t('list.refused.title')}>
      <div class="card" role="alert">
        <h1 safe>{page.t('list.refused.title')}</h1>
        <p safe>{message}</p>
        <p>
          <a href={backTo} safe>
            {page.t('list.refused.back')}
          </a>
        </p>
      </div>
    </AppShell>
  );
}

import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';

/** The landing page after sign-in. The team inbox replaces its body once conversations exist. */
export function HomePage({ page }: { page: PageContext }) {
  return (
    <AppShell page={page} title={page.t('home.title')}>
      <h1 safe>{page.t('home.title')}</h1>
      <p safe>{page.t('home.welcome', { name: page.user?.name ?? '' })}</p>
      <div class="card muted" safe>
        {page.t('home.empty')}
      </div>
    </AppShell>
  );
}

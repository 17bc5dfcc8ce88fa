import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';

/** The confirmation step before a rule is deleted; works without JavaScript. */
export function RoutingDeletePage({ page, rule }: { page: PageContext; rule: { id: string; name: string } }) {
  const title = page.t('routing.delete.title', { name: rule.name });
  return (
    <SettingsShell page={page} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{page.t('routing.delete.body')}</p>
      <form method="post" action={`/settings/routing/${rule.id}/delete`} class="actions">
        <CsrfField page={page} />
        <button type="submit" class="danger" safe>
          {page.t('routing.delete.confirm')}
        </button>
        <a class="button secondary" href="/settings/routing" safe>
          {page.t('common.cancel')}
        </a>
      </form>
    </SettingsShell>
  );
}

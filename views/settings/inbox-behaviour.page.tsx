import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';

export interface InboxBehaviourValues {
  lockMinutes: string;
  idleReleaseMinutes: string;
}

/** How long a reply lock lasts, and how long a waiting customer may sit with an idle agent before going back to the queue. */
export function InboxBehaviourPage({ page, values, errors = {}, notice }: { page: PageContext; values: InboxBehaviourValues; errors?: Record<string, string>; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('lock.settings.title')}>
      <h1 safe>{page.t('lock.settings.title')}</h1>
      <p class="muted" safe>
        {page.t('lock.settings.intro')}
      </p>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action="/settings/inbox-behaviour" class="card" novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="lockMinutes" type="number" label="lock.settings.lockMinutes" hint="lock.settings.lockMinutes.hint" value={values.lockMinutes} error={errors.lockMinutes} required dir="ltr" />
        <FormField
          page={page}
          name="idleReleaseMinutes"
          type="number"
          label="lock.settings.idleMinutes"
          hint="lock.settings.idleMinutes.hint"
          value={values.idleReleaseMinutes}
          error={errors.idleReleaseMinutes}
          required
          dir="ltr"
        />
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

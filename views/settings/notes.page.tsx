import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';

/** The longest internal note the team may write. */
export function NotesSettingsPage({ page, limit, min, max, error, notice }: { page: PageContext; limit: string; min: number; max: number; error?: boolean; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('notes.settings.title')}>
      <h1 safe>{page.t('notes.settings.title')}</h1>
      {notice ? (
        <p class="notice" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/settings/notes" class="stack">
        <CsrfField page={page} />
        <div class="field">
          <label for="field-limit" safe>
            {page.t('notes.settings.limit')}
          </label>
          <input id="field-limit" name="limit" type="number" min={String(min)} max={String(max)} value={limit} required aria-invalid={error ? 'true' : undefined} aria-describedby="field-limit-hint" />
          <span id="field-limit-hint" class="hint" safe>
            {page.t('notes.settings.limitHint', { min, max })}
          </span>
          {error ? (
            <span class="field-error" role="alert" safe>
              {page.t('notes.settings.invalid', { min, max })}
            </span>
          ) : (
            ''
          )}
        </div>
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

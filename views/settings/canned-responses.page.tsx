import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';

export interface CannedItemView {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  shared: boolean;
  editable: boolean;
}

export interface CannedFormValues {
  shortcut: string;
  title: string;
  body: string;
  shared: boolean;
}

/** Personal and shared canned responses, with a form to add one (shared only for admins and supervisors). */
export function CannedResponsesPage({
  page,
  items,
  canShare,
  values = { shortcut: '', title: '', body: '', shared: false },
  errors = {},
  notice,
}: {
  page: PageContext;
  items: CannedItemView[];
  canShare: boolean;
  values?: CannedFormValues;
  errors?: Partial<Record<'shortcut' | 'title' | 'body', string>>;
  notice?: string;
}) {
  const groups: [MessageKey, CannedItemView[]][] = [
    ['canned.mine', items.filter((i) => !i.shared)],
    ['canned.shared', items.filter((i) => i.shared)],
  ];
  return (
    <SettingsShell page={page} title={page.t('canned.title')}>
      <h1 safe>{page.t('canned.title')}</h1>
      <p class="muted" safe>
        {page.t('canned.intro')}
      </p>
      {notice ? (
        <p class="notice" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      {groups.map(([label, list]) => (
        <section>
          <h2 safe>{page.t(label)}</h2>
          {list.length === 0 ? (
            <p class="muted" safe>
              {page.t('canned.empty')}
            </p>
          ) : (
            <ul class="canned-list">
              {list.map((item) => (
                <li>
                  <code dir="ltr" safe>{`/${item.shortcut}`}</code> <strong dir="auto" safe>{item.title}</strong>
                  <p class="small" dir="auto" safe>
                    {item.body}
                  </p>
                  {item.editable ? (
                    <>
                      <details class="canned-edit">
                        <summary safe>{page.t('common.edit')}</summary>
                        <form method="post" action={`/settings/canned-responses/${item.id}`} class="stack">
                          <CsrfField page={page} />
                          <input type="hidden" name="scope" value={item.shared ? 'shared' : 'personal'} />
                          <label>
                            <span safe>{page.t('canned.shortcut')}</span>
                            <input name="shortcut" dir="auto" value={item.shortcut} required />
                          </label>
                          <label>
                            <span safe>{page.t('canned.titleField')}</span>
                            <input name="title" dir="auto" value={item.title} required />
                          </label>
                          <label>
                            <span safe>{page.t('canned.body')}</span>
                            <textarea name="body" rows="3" dir="auto" required safe>
                              {item.body}
                            </textarea>
                          </label>
                          <button type="submit" class="secondary" safe>
                            {page.t('common.save')}
                          </button>
                        </form>
                      </details>
                      <form method="post" action={`/settings/canned-responses/${item.id}/delete`} class="inline">
                        <CsrfField page={page} />
                        <button type="submit" class="link-button danger" safe>
                          {page.t('common.delete')}
                        </button>
                      </form>
                    </>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2 safe>{page.t('canned.add')}</h2>
      <form method="post" action="/settings/canned-responses" class="stack">
        <CsrfField page={page} />
        <FormField page={page} name="shortcut" label="canned.shortcut" hint="canned.shortcutHint" value={values.shortcut} error={errors.shortcut} required dir="auto" />
        <FormField page={page} name="title" label="canned.titleField" value={values.title} error={errors.title} required dir="auto" />
        <div class="field">
          <label for="field-body" safe>
            {page.t('canned.body')}
          </label>
          <textarea id="field-body" name="body" rows="4" dir="auto" required aria-invalid={errors.body ? 'true' : undefined} safe>
            {values.body}
          </textarea>
          {errors.body ? (
            <span class="field-error" safe>
              {page.t(errors.body as MessageKey)}
            </span>
          ) : (
            ''
          )}
        </div>
        {canShare ? (
          <fieldset>
            <legend safe>{page.t('canned.scope')}</legend>
            <label class="checkbox">
              <input type="radio" name="scope" value="personal" checked={!values.shared} />
              <span safe>{page.t('canned.scope.personal')}</span>
            </label>
            <label class="checkbox">
              <input type="radio" name="scope" value="shared" checked={values.shared} />
              <span safe>{page.t('canned.scope.shared')}</span>
            </label>
          </fieldset>
        ) : (
          ''
        )}
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

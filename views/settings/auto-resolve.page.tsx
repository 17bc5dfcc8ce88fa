import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';

export interface AutoResolveValues {
  enabled: boolean;
  hours: string;
  messageEn: string;
  messageAr: string;
}

/** Auto-resolve: on/off, the hours a pending conversation may wait on the customer, and the optional closing message. */
export function AutoResolvePage({ page, values, errors = {}, notice }: { page: PageContext; values: AutoResolveValues; errors?: Record<string, string>; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('autoResolve.title')}>
      <h1 safe>{page.t('autoResolve.title')}</h1>
      <p class="muted" safe>
        {page.t('autoResolve.intro')}
      </p>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action="/settings/auto-resolve" class="card" novalidate>
        <CsrfField page={page} />
        <p>
          <label>
            <input type="checkbox" name="enabled" value="1" checked={values.enabled} /> <span safe>{page.t('autoResolve.enabled')}</span>
          </label>
        </p>
        <FormField page={page} name="hours" type="number" label="autoResolve.hours" hint="autoResolve.hours.hint" value={values.hours} error={errors.hours} required dir="ltr" />
        <MessageField page={page} name="messageEn" label="autoResolve.message.en" value={values.messageEn} error={errors.messageEn} dir="ltr" />
        <MessageField page={page} name="messageAr" label="autoResolve.message.ar" value={values.messageAr} error={errors.messageAr} dir="rtl" />
        <p class="hint" safe>
          {page.t('autoResolve.message.hint')}
        </p>
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

function MessageField({ page, name, label, value, error, dir }: { page: PageContext; name: string; label: MessageKey; value: string; error?: string; dir: 'ltr' | 'rtl' }) {
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <textarea id={id} name={name} rows="3" maxlength="1024" dir={dir} aria-invalid={error ? 'true' : undefined} safe>
        {value}
      </textarea>
      {error ? (
        <span class="error" safe>
          {page.t(error as MessageKey)}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

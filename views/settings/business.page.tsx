import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { LocaleSelect } from '../components/locale-select';
import { Notice } from './notice';

export interface BusinessValues {
  businessName: string;
  timeZone: string;
  defaultLocale: string;
}

/** The business's name, time zone and the language new team members start with. */
export function BusinessPage({
  page,
  values,
  timeZones,
  errors = {},
  notice,
}: {
  page: PageContext;
  values: BusinessValues;
  timeZones: readonly string[];
  errors?: Record<string, string>;
  notice?: string;
}) {
  return (
    <SettingsShell page={page} title={page.t('business.title')}>
      <h1 safe>{page.t('business.title')}</h1>
      <p class="muted" safe>
        {page.t('business.intro')}
      </p>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action="/settings/business" class="card" novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="businessName" label="field.businessName" value={values.businessName} error={errors.businessName} required dir="auto" />
        <SelectField
          page={page}
          name="timeZone"
          label="field.timeZone"
          value={values.timeZone}
          error={errors.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone }))}
        />
        <LocaleSelect page={page} name="defaultLocale" label="field.defaultLocale" value={values.defaultLocale} error={errors.defaultLocale} />
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

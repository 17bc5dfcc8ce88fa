import type { PageContext } from '../layout/page-context';
import { AuthShell } from '../layout/auth-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { LocaleSelect } from '../components/locale-select';

export interface SetupValues {
  businessName: string;
  timeZone: string;
  locale: string;
  name: string;
  email: string;
}

/** First-run page: the business basics and the owner's account, shown only while no user exists. */
export function SetupPage({ page, values, errors = {}, timeZones }: { page: PageContext; values: SetupValues; errors?: Record<string, string>; timeZones: string[] }) {
  return (
    <AuthShell page={page} title={page.t('setup.title')}>
      <h1 safe>{page.t('setup.title')}</h1>
      <p class="muted" safe>
        {page.t('setup.intro')}
      </p>
      {Object.keys(errors).length ? (
        <div class="alert alert-error" role="alert" safe>
          {page.t('common.fixErrors')}
        </div>
      ) : (
        ''
      )}
      <form method="post" action="/setup" novalidate hx-boost="false">
        <CsrfField page={page} />
        <h2 safe>{page.t('setup.business')}</h2>
        <FormField page={page} name="businessName" label="field.businessName" value={values.businessName} error={errors.businessName} required dir="auto" />
        <SelectField page={page} name="timeZone" label="field.timeZone" value={values.timeZone} error={errors.timeZone} options={timeZones.map((z) => ({ value: z, label: z }))} />
        <LocaleSelect page={page} name="locale" label="field.locale" value={values.locale} error={errors.defaultLocale} />
        <h2 safe>{page.t('setup.owner')}</h2>
        <FormField page={page} name="name" label="field.name" value={values.name} error={errors.name} required autocomplete="name" dir="auto" />
        <FormField page={page} name="email" label="field.email" type="email" value={values.email} error={errors.email} required autocomplete="email" dir="ltr" />
        <FormField page={page} name="password" label="field.password" type="password" error={errors.password} hint="field.password.hint" required autocomplete="new-password" />
        <FormField page={page} name="passwordConfirm" label="field.passwordConfirm" type="password" error={errors.passwordConfirm} required autocomplete="new-password" />
        <button type="submit" safe>
          {page.t('setup.submit')}
        </button>
      </form>
    </AuthShell>
  );
}

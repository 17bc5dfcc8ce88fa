import type { PageContext } from '../layout/page-context';
import { AuthShell } from '../layout/auth-shell';
import { CsrfField, FormField } from '../components/form-field';

/** Sign-in form; `problem` is an already translated sentence (wrong password, throttled). */
export function LoginPage({ page, email = '', next = '', problem }: { page: PageContext; email?: string; next?: string; problem?: string }) {
  return (
    <AuthShell page={page} title={page.t('login.title')}>
      <h1 safe>{page.t('login.title')}</h1>
      {problem ? (
        <div class="alert alert-error" role="alert" safe>
          {problem}
        </div>
      ) : (
        ''
      )}
      <form method="post" action="/login" hx-boost="false">
        <CsrfField page={page} />
        <input type="hidden" name="next" value={next} />
        <FormField page={page} name="email" label="field.email" type="email" value={email} required autocomplete="username" dir="ltr" />
        <FormField page={page} name="password" label="field.password" type="password" required autocomplete="current-password" />
        <button type="submit" safe>
          {page.t('login.submit')}
        </button>
      </form>
    </AuthShell>
  );
}

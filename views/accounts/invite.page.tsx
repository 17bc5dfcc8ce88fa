import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import { AuthShell } from '../layout/auth-shell';
import { CsrfField, FormField } from '../components/form-field';

/** The invitee picks a name and password; the email and role come from the invitation. */
export function InvitePage({
  page,
  token,
  invite,
  name = '',
  errors = {},
}: {
  page: PageContext;
  token: string;
  invite: { email: string; role: Role };
  name?: string;
  errors?: Record<string, string>;
}) {
  const title = page.t('invite.title', { business: page.businessName });
  return (
    <AuthShell page={page} title={title}>
      <h1 safe>{title}</h1>
      <p class="muted" safe>
        {page.t('invite.intro', { role: page.t(`role.${invite.role}`), email: invite.email })}
      </p>
      {Object.keys(errors).length ? (
        <div class="alert alert-error" role="alert" safe>
          {page.t('common.fixErrors')}
        </div>
      ) : (
        ''
      )}
      <form method="post" action={`/invite/${encodeURIComponent(token)}`} novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="name" label="field.name" value={name} error={errors.name} required autocomplete="name" dir="auto" />
        <FormField page={page} name="password" label="field.password" type="password" error={errors.password} hint="field.password.hint" required autocomplete="new-password" />
        <FormField page={page} name="passwordConfirm" label="field.passwordConfirm" type="password" error={errors.passwordConfirm} required autocomplete="new-password" />
        <button type="submit" safe>
          {page.t('invite.submit')}
        </button>
      </form>
    </AuthShell>
  );
}

/** Shown for an unknown, used or expired invitation link. */
export function InviteInvalidPage({ page }: { page: PageContext }) {
  return (
    <AuthShell page={page} title={page.t('invite.invalid.title')}>
      <h1 safe>{page.t('invite.invalid.title')}</h1>
      <p safe>{page.t('invite.invalid')}</p>
      <p>
        <a href="/login" safe>
          {page.t('invite.goToLogin')}
        </a>
      </p>
    </AuthShell>
  );
}

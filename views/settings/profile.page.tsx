import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { LocaleSelect } from '../components/locale-select';
import { NotificationSettings, type NotificationSettingsView } from '../live/notification-settings';

export interface ProfileView {
  name: string;
  locale: string;
  errors?: Record<string, string>;
  notice?: string;
  /** Inbox users only: new-message alerts. */
  notifications?: NotificationSettingsView;
}

/** The signed-in user's own name, language and password. */
export function ProfilePage({ page, view }: { page: PageContext; view: ProfileView }) {
  const errors = view.errors ?? {};
  return (
    <SettingsShell page={page} title={page.t('profile.title')}>
      <h1 safe>{page.t('profile.title')}</h1>
      {view.notice ? (
        <div class="alert alert-ok" role="status" safe>
          {view.notice}
        </div>
      ) : (
        ''
      )}
      <form method="post" action="/settings/profile" class="card">
        <h2 safe>{page.t('profile.details')}</h2>
        <CsrfField page={page} />
        <FormField page={page} name="name" label="field.name" value={view.name} error={errors.name} required dir="auto" />
        <LocaleSelect page={page} name="locale" label="field.locale" value={view.locale} error={errors.locale} />
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
      {view.notifications ? <NotificationSettings page={page} view={view.notifications} /> : ''}
      <form method="post" action="/settings/password" class="card">
        <h2 safe>{page.t('profile.password')}</h2>
        <CsrfField page={page} />
        <FormField page={page} name="currentPassword" label="profile.currentPassword" type="password" error={errors.currentPassword} required autocomplete="current-password" />
        <FormField page={page} name="password" label="profile.newPassword" type="password" error={errors.password} hint="field.password.hint" required autocomplete="new-password" />
        <FormField page={page} name="passwordConfirm" label="field.passwordConfirm" type="password" error={errors.passwordConfirm} required autocomplete="new-password" />
        <button type="submit" safe>
          {page.t('profile.password')}
        </button>
      </form>
    </SettingsShell>
  );
}

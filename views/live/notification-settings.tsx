import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';

export interface NotificationSettingsView {
  desktop: boolean;
  sound: boolean;
}

/**
 * The profile card for new-message alerts in my conversations. Ticking "desktop" asks the browser's permission
 * (public/app.js, on that click only); the hint appears when the browser has blocked it.
 */
export function NotificationSettings({ page, view }: { page: PageContext; view: NotificationSettingsView }) {
  return (
    <form method="post" action="/settings/notifications" class="card notification-settings">
      <h2 safe>{page.t('live.notify.heading')}</h2>
      <CsrfField page={page} />
      <p>
        <label>
          <input type="checkbox" name="notifyDesktop" value="1" checked={view.desktop} /> <span safe>{page.t('live.notify.desktop')}</span>
        </label>
      </p>
      <p class="muted small" safe>
        {page.t('live.notify.desktopHint')}
      </p>
      <p class="muted small notify-blocked" hidden safe>
        {page.t('live.notify.blocked')}
      </p>
      <p>
        <label>
          <input type="checkbox" name="notifySound" value="1" checked={view.sound} /> <span safe>{page.t('live.notify.sound')}</span>
        </label>
      </p>
      <button type="submit" safe>
        {page.t('common.save')}
      </button>
    </form>
  );
}

import type { PageContext } from '../layout/page-context';
import type { CalendarUsage } from '../../src/business-hours/calendars/calendars.repository';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { usageText } from './calendars.page';

/** Confirms deleting a calendar and says plainly who will be treated as always open afterwards. */
export function CalendarDeletePage({ page, calendar, usage }: { page: PageContext; calendar: { id: string; name: string }; usage: CalendarUsage }) {
  const inUse = usage.inboxes.length + usage.teams.length + usage.agents > 0;
  return (
    <SettingsShell page={page} title={page.t('calendars.delete')}>
      <p>
        <a href={`/settings/calendars/${calendar.id}`} safe>
          {page.t('common.back')}
        </a>
      </p>
      <h1 safe>{page.t('calendars.deleteConfirm.title', { name: calendar.name })}</h1>
      {inUse ? (
        <div class="alert alert-error" role="alert">
          <p safe>{page.t('calendars.deleteConfirm.inUse', { users: usageText(page, usage) })}</p>
        </div>
      ) : (
        <p class="muted" safe>
          {page.t('calendars.deleteConfirm.unused')}
        </p>
      )}
      <form method="post" action={`/settings/calendars/${calendar.id}/delete`} class="actions">
        <CsrfField page={page} />
        <button type="submit" class="danger" safe>
          {page.t('calendars.deleteConfirm.button')}
        </button>
        <a href={`/settings/calendars/${calendar.id}`} safe>
          {page.t('common.cancel')}
        </a>
      </form>
    </SettingsShell>
  );
}

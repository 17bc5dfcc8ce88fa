import type { PageContext } from '../layout/page-context';
import type { CalendarUsage } from '../../src/business-hours/calendars/calendars.repository';
import { SettingsShell } from './settings-shell';
import { Notice } from './notice';

export interface CalendarListItem {
  id: string;
  name: string;
  timeZone: string;
  open: boolean;
  /** "We are open now." / "We open again tomorrow at 09:00.", in the viewer's language. */
  nextOpening: string;
  /** One line per open day, already translated ("Sunday: 09:00–17:00"). */
  days: string[];
  usage: CalendarUsage;
}

/** /settings/calendars: every business-hours calendar with whether it is open now and who follows it. */
export function CalendarsPage({ page, calendars, notice }: { page: PageContext; calendars: CalendarListItem[]; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('calendars.title')}>
      <h1 safe>{page.t('calendars.title')}</h1>
      <p class="muted" safe>
        {page.t('calendars.intro')}
      </p>
      <Notice ok={notice} />
      <p>
        <a href="/settings/calendars/new" class="button" safe>
          {page.t('calendars.new')}
        </a>
      </p>
      {calendars.length === 0 ? (
        <p class="card muted" safe>
          {page.t('calendars.empty')}
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('calendars.column.name')}</th>
                <th safe>{page.t('calendars.column.hours')}</th>
                <th safe>{page.t('calendars.column.now')}</th>
                <th safe>{page.t('calendars.column.usedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {calendars.map((calendar) => (
                <tr id={`calendar-${calendar.id}`}>
                  <td>
                    <a href={`/settings/calendars/${calendar.id}`} dir="auto" safe>
                      {calendar.name}
                    </a>
                    <div class="muted" dir="ltr" safe>
                      {calendar.timeZone}
                    </div>
                  </td>
                  <td>
                    {calendar.days.length === 0 ? (
                      <span class="muted" safe>
                        {page.t('calendars.alwaysClosed')}
                      </span>
                    ) : (
                      <ul class="calendar-days">
                        {calendar.days.map((day) => (
                          <li safe>{day}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <span class={calendar.open ? 'badge ok' : 'badge off'} safe>
                      {page.t(calendar.open ? 'calendars.status.open' : 'calendars.status.closed')}
                    </span>{' '}
                    <span safe>{calendar.open ? '' : calendar.nextOpening}</span>
                  </td>
                  <td safe>{usageText(page, calendar.usage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsShell>
  );
}

/** "Main number; Support team; 2 agents' shifts", or "Not used". */
export function usageText(page: PageContext, usage: CalendarUsage): string {
  const parts = [
    ...usage.inboxes.map((name) => page.t('calendars.usage.inbox', { name })),
    ...usage.teams.map((name) => page.t('calendars.usage.team', { name })),
    ...(usage.agents ? [page.t('calendars.usage.agents', { count: page.format.number(usage.agents) })] : []),
  ];
  return parts.length ? parts.join(page.t('common.list.separator')) : page.t('calendars.usage.none');
}

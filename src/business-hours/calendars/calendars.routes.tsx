import { Elysia } from 'elysia';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../../accounts/access-policy';
import { viewerActor } from '../../accounts/request-actor';
import { getBusinessSettings } from '../../settings/business-settings';
import { MAX_INTERVALS_PER_DAY, WEEKDAYS } from '../calendar';
import { isOpenAt } from '../business-hours';
import { describeNextOpening } from '../describe-opening';
import { findCalendar, listCalendars, type CalendarUsage } from './calendars.repository';
import { applyFormIntent, calendarToForm, isOvernight, newCalendarForm, PRESETS, readCalendarForm, type CalendarFormErrors, type CalendarFormValues } from './calendar-form';
import { saveCalendar } from './save-calendar';
import { deleteCalendar } from './delete-calendar';
import { weeklySummary } from './calendar-summary';
import { createCalendarNotFoundError } from './calendars.errors';
import { formText } from '../../platform/http/form-errors';
import type { PageContext } from '../../../views/layout/page-context';
import { CalendarsPage } from '../../../views/settings/calendars.page';
import { CalendarEditPage } from '../../../views/settings/calendars-edit.page';
import { CalendarDeletePage } from '../../../views/settings/calendars-delete.page';

const PAGE = '/settings/calendars';
const timeZones = Intl.supportedValuesOf('timeZone');

export interface CalendarsRoutesOptions {
  /** Who follows a calendar; inboxes and teams sit above this module, so the composition root hands it down. */
  usage: (calendarId: string) => CalendarUsage;
}

/** /settings/calendars: admins keep the business-hours calendars that inboxes, teams and agents' shifts follow. */
export function calendarsRoutes(deps: AppDeps, options: CalendarsRoutesOptions) {
  const editor = (page: PageContext, values: CalendarFormValues, errors: CalendarFormErrors = {}, id?: string) => {
    const overnight: Record<string, boolean> = {};
    for (const day of WEEKDAYS) values.weekly[day].forEach((row, index) => (overnight[`${day}_${index}`] = isOvernight(row)));
    return <CalendarEditPage page={page} view={{ id, values, errors, weekdays: WEEKDAYS, timeZones, presets: PRESETS, maxIntervals: MAX_INTERVALS_PER_DAY, overnight }} />;
  };

  /** Save, or any other button: add/remove a row or fill a preset, shown again with nothing stored. */
  const submit = (ctx: { page: PageContext; body: unknown; set: { status?: number | string }; viewer?: Parameters<typeof viewerActor>[0]; clientIp: string; request: Request; redirect: (url: string, status: 303) => Response }, id?: string) => {
    const values = readCalendarForm(ctx.body);
    const intent = formText(ctx.body, 'intent') || 'save';
    if (intent !== 'save') return editor(ctx.page, applyFormIntent(values, intent), {}, id);
    const result = saveCalendar({ id, values }, viewerActor(ctx.viewer!, ctx.clientIp, ctx.request), deps);
    if (!result.ok) {
      ctx.set.status = 422;
      return editor(ctx.page, result.values, result.errors, id);
    }
    return ctx.redirect(`${PAGE}?saved=1`, 303);
  };

  const existing = (id: string) => {
    const calendar = findCalendar(deps.db, id);
    if (!calendar) throw createCalendarNotFoundError();
    return calendar;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, query }) => {
        const now = deps.clock.now();
        const items = listCalendars(deps.db).map((calendar) => ({
          id: calendar.id,
          name: calendar.name,
          timeZone: calendar.definition.timeZone,
          open: isOpenAt(calendar.definition, now),
          nextOpening: describeNextOpening(calendar.definition, now, page.locale, page.t),
          days: weeklySummary(calendar.definition, page.t),
          usage: options.usage(calendar.id),
        }));
        const notice = query.saved === '1' ? page.t('calendars.saved') : query.deleted === '1' ? page.t('calendars.deleted') : undefined;
        return <CalendarsPage page={page} calendars={items} notice={notice} />;
      },
      { access: ADMIN_ONLY },
    )
    .get(`${PAGE}/new`, ({ page }) => editor(page, newCalendarForm(getBusinessSettings(deps.db).timeZone)), { access: ADMIN_ONLY })
    .post(PAGE, (ctx) => submit(ctx), { access: ADMIN_ONLY })
    .get(
      `${PAGE}/:id`,
      ({ page, params }) => {
        const calendar = existing(params.id);
        return editor(page, calendarToForm(calendar.name, calendar.definition), {}, calendar.id);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id`,
      (ctx) => {
        existing(ctx.params.id);
        return submit(ctx, ctx.params.id);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:id/delete`,
      ({ page, params }) => {
        const calendar = existing(params.id);
        return <CalendarDeletePage page={page} calendar={calendar} usage={options.usage(calendar.id)} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/delete`,
      ({ params, viewer, clientIp, request, redirect }) => {
        deleteCalendar(params.id, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`${PAGE}?deleted=1`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

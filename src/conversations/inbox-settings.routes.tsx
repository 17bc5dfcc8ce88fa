import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { isAppError } from '../platform/errors';
import { formText } from '../platform/http/form-errors';
import { findInbox } from './conversations.repository';
import { listInboxesWithAccess, listInboxMemberCandidates, listInboxMembers } from './inbox-members.repository';
import { createInboxMemberUnavailableError, createInboxNotFoundError } from './inbox-settings.errors';
import { addInboxMember } from './add-inbox-member';
import { removeInboxMember } from './remove-inbox-member';
import { updateInboxSettings } from './update-inbox-settings';
import { createInboxCalendarInvalidError, setInboxCalendar } from './set-inbox-calendar';
import { listCalendarChoices } from '../business-hours/calendars/calendars.repository';
import type { PageContext } from '../../views/layout/page-context';
import { InboxesPage } from '../../views/settings/inboxes.page';
import { InboxAccessPage, type InboxAccessView } from '../../views/settings/inboxes-edit.page';

const PAGE = '/settings/inboxes';

/** /settings/inboxes: admins choose each inbox's members and whether it runs in private mode. Every change is audited. */
export function inboxSettingsRoutes(deps: AppDeps) {
  const actorOf = ({ viewer, clientIp, request }: { viewer?: Viewer; clientIp: string; request: Request }) => viewerActor(viewer!, clientIp, request);

  const inboxPage = (page: PageContext, inboxId: string, extra: Partial<InboxAccessView> = {}) => {
    const inbox = findInbox(deps.db, inboxId);
    if (!inbox) throw createInboxNotFoundError();
    const view: InboxAccessView = {
      inbox,
      members: listInboxMembers(deps.db, inboxId),
      candidates: listInboxMemberCandidates(deps.db, inboxId),
      calendar: { current: inbox.calendarId, choices: listCalendarChoices(deps.db) },
      ...extra,
    };
    return <InboxAccessPage page={page} view={view} />;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page }) => <InboxesPage page={page} inboxes={listInboxesWithAccess(deps.db)} />, { access: ADMIN_ONLY })
    .get(`${PAGE}/:id`, ({ page, params, query }) => inboxPage(page, params.id, { notice: query.saved === '1' ? page.t('inboxAccess.saved') : undefined }), {
      access: ADMIN_ONLY,
    })
    .post(
      `${PAGE}/:id/settings`,
      (ctx) => {
        // Unchecked boxes are simply absent from the form.
        const settings = { privateMode: formText(ctx.body, 'privateMode') === '1', privateShowsQueue: formText(ctx.body, 'privateShowsQueue') === '1' };
        updateInboxSettings({ inboxId: ctx.params.id, ...settings }, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${ctx.params.id}?saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/calendar`,
      (ctx) => {
        const calendarId = formText(ctx.body, 'calendarId') || null;
        try {
          setInboxCalendar({ inboxId: ctx.params.id, calendarId }, actorOf(ctx), deps);
        } catch (error) {
          if (!isAppError(error) || error.code !== createInboxCalendarInvalidError().code) throw error;
          ctx.set.status = 422;
          return inboxPage(ctx.page, ctx.params.id, { calendarError: error.messageKey });
        }
        return ctx.redirect(`${PAGE}/${ctx.params.id}?saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/members`,
      (ctx) => {
        try {
          addInboxMember({ inboxId: ctx.params.id, userId: formText(ctx.body, 'userId') }, actorOf(ctx), deps);
        } catch (error) {
          if (!isAppError(error) || error.code !== createInboxMemberUnavailableError().code) throw error;
          ctx.set.status = 422;
          return inboxPage(ctx.page, ctx.params.id, { memberError: error.messageKey });
        }
        return ctx.redirect(`${PAGE}/${ctx.params.id}`, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/members/:userId/remove`,
      (ctx) => {
        removeInboxMember({ inboxId: ctx.params.id, userId: ctx.params.userId }, actorOf(ctx), deps);
        return ctx.redirect(`${PAGE}/${ctx.params.id}`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

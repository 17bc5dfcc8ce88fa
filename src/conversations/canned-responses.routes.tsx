import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY, INBOX_USERS } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import type { Viewer } from '../accounts/sessions';
import { formText } from '../platform/http/form-errors';
import { getBusinessSettings } from '../settings/business-settings';
import type { PageContext } from '../../views/layout/page-context';
import { ensureCanViewConversation } from './conversation-access';
import { findConversationSummary } from './conversation-views.repository';
import { contactDisplayName } from './conversation-view';
import { canManageShared, deleteCannedResponse, listCannedResponses, saveCannedResponse, searchCannedResponses } from './canned-responses';
import { fillCannedVariables } from './canned-variables';
import { getNoteLimit, NOTE_LIMIT_MAX, NOTE_LIMIT_MIN, saveNoteLimit } from './note-settings';
import { CannedResponsesPage, type CannedFormValues } from '../../views/settings/canned-responses.page';
import { NotesSettingsPage } from '../../views/settings/notes.page';
import { CannedList } from '../../views/conversations/canned-list.fragment';

/** /settings/canned-responses (everyone their own, managers the shared ones), /settings/notes, and the composer's `/` list. */
export function cannedResponsesRoutes(deps: AppDeps) {
  const renderPage = (page: PageContext, viewer: Viewer, extra: { values?: CannedFormValues; errors?: Partial<Record<'shortcut' | 'title' | 'body', string>>; notice?: string } = {}) => {
    const me = { id: viewer.user.id, role: viewer.user.role };
    const items = listCannedResponses(deps.db, me.id).map((r) => ({
      id: r.id,
      shortcut: r.shortcut,
      title: r.title,
      body: r.body,
      shared: r.ownerId === null,
      editable: r.ownerId === me.id || (r.ownerId === null && canManageShared(me.role)),
    }));
    return <CannedResponsesPage page={page} items={items} canShare={canManageShared(me.role)} {...extra} />;
  };

  /** Create (no id) or edit: back to the list when saved, the page with what was typed and why otherwise. */
  const save = (page: PageContext, viewer: Viewer, body: unknown, set: { status?: number | string }, id?: string) => {
    const values = { shortcut: formText(body, 'shortcut'), title: formText(body, 'title'), body: formText(body, 'body'), shared: formText(body, 'scope') === 'shared' };
    const result = saveCannedResponse({ ...values, id }, { id: viewer.user.id, role: viewer.user.role }, deps);
    if (result.ok) return new Response(null, { status: 303, headers: { location: '/settings/canned-responses?saved=1' } });
    set.status = 'notFound' in result ? 404 : 422;
    return renderPage(page, viewer, { values, errors: 'errors' in result ? result.errors : {} });
  };

  return new Elysia()
    .use(webContext(deps))
    .get('/settings/canned-responses', ({ page, viewer, query }) => renderPage(page, viewer!, { notice: query.saved === '1' ? page.t('canned.saved') : undefined }), { access: INBOX_USERS })
    .post(
      '/settings/canned-responses',
      ({ page, viewer, body, set }) => save(page, viewer!, body, set),
      { access: INBOX_USERS },
    )
    .post(
      '/settings/canned-responses/:id',
      ({ page, viewer, params, body, set }) => save(page, viewer!, body, set, params.id),
      { access: INBOX_USERS },
    )
    .post(
      '/settings/canned-responses/:id/delete',
      ({ viewer, params, set, redirect }) => {
        if (!deleteCannedResponse(deps.db, { id: viewer!.user.id, role: viewer!.user.role }, params.id)) {
          set.status = 404;
          return '';
        }
        return redirect('/settings/canned-responses', 303);
      },
      { access: INBOX_USERS },
    )
    .get(
      '/conversations/:id/canned',
      ({ page, viewer, params, query }) => {
        ensureCanViewConversation(deps.db, viewer, params.id);
        const summary = findConversationSummary(deps.db, params.id);
        const values = {
          'contact.name': summary ? contactDisplayName(summary) : '',
          'agent.name': viewer!.user.name,
          'business.name': getBusinessSettings(deps.db).businessName,
        };
        const items = searchCannedResponses(deps.db, viewer!.user.id, typeof query.q === 'string' ? query.q : '').map((r) => ({
          id: r.id,
          shortcut: r.shortcut,
          title: r.title,
          text: fillCannedVariables(r.body, values),
        }));
        return <CannedList page={page} items={items} />;
      },
      { access: INBOX_USERS },
    )
    .get('/settings/notes', ({ page, query }) => <NotesSettingsPage page={page} limit={String(getNoteLimit(deps.db))} min={NOTE_LIMIT_MIN} max={NOTE_LIMIT_MAX} notice={query.saved === '1' ? page.t('notes.settings.saved') : undefined} />, {
      access: ADMIN_ONLY,
    })
    .post(
      '/settings/notes',
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        const limit = formText(body, 'limit');
        if (saveNoteLimit(limit, viewerActor(viewer!, clientIp, request), deps)) return redirect('/settings/notes?saved=1', 303);
        set.status = 422;
        return <NotesSettingsPage page={page} limit={limit} min={NOTE_LIMIT_MIN} max={NOTE_LIMIT_MAX} error />;
      },
      { access: ADMIN_ONLY },
    );
}

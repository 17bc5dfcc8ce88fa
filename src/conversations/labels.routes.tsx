import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import { isAppError } from '../platform/errors';
import { formText } from '../platform/http/form-errors';
import type { MessageKey } from '../i18n/translate';
import type { PageContext } from '../../views/layout/page-context';
import { LABEL_COLORS } from './labels.tables';
import { listLabelsWithUses } from './labels.repository';
import { createLabel, deleteLabel, renameLabel } from './manage-labels';
import { LabelsPage, type LabelsPageView } from '../../views/settings/labels.page';

const PAGE = '/settings/labels';

/** /settings/labels: admins add, rename, recolour and delete the labels agents put on conversations. */
export function labelsRoutes(deps: AppDeps) {
  const render = (page: PageContext, extra: Partial<LabelsPageView> = {}, status = 200) => {
    const view: LabelsPageView = { labels: listLabelsWithUses(deps.db), colors: LABEL_COLORS, form: { name: '', color: 'grey' }, ...extra };
    return new Response(String(<LabelsPage page={page} view={view} />), { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
  // Only a refused name re-renders the form; anything else (a vanished label: 404) goes to the error pages.
  const nameError = (page: PageContext, error: unknown): string => {
    if (!isAppError(error) || error.code !== 'labels.invalid_name') throw error;
    return page.t(error.messageKey as MessageKey, error.vars);
  };

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page }) => render(page), { access: ADMIN_ONLY })
    .post(
      PAGE,
      ({ page, body, viewer, clientIp, request, redirect }) => {
        const form = { name: formText(body, 'name'), color: formText(body, 'color') };
        try {
          createLabel(form, viewerActor(viewer!, clientIp, request), deps);
        } catch (error) {
          return render(page, { form: { ...form, error: nameError(page, error) } }, 422);
        }
        return redirect(PAGE, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id`,
      ({ page, params, body, viewer, clientIp, request, redirect }) => {
        try {
          renameLabel({ labelId: params.id, name: formText(body, 'name'), color: formText(body, 'color') }, viewerActor(viewer!, clientIp, request), deps);
        } catch (error) {
          return render(page, { rowError: { id: params.id, error: nameError(page, error) } }, 422);
        }
        return redirect(PAGE, 303);
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/delete`,
      ({ params, viewer, clientIp, request, redirect }) => {
        deleteLabel({ labelId: params.id }, viewerActor(viewer!, clientIp, request), deps);
        return redirect(PAGE, 303);
      },
      { access: ADMIN_ONLY },
    );
}

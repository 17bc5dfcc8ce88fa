import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { webContext } from './web-context.plugin';
import { ADMIN_ONLY } from './access-policy';
import { viewerActor } from './request-actor';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { formText } from '../platform/http/form-errors';
import { ApiTokensPage, type ApiTokensView } from '../../views/settings/api-tokens.page';

const PAGE = '/settings/api-tokens';
const tokenNameSchema = z.string().trim().min(1, 'field.name.required').max(100, 'field.name.tooLong');

/** /settings/api-tokens: list, create (the token is shown in that one response only) and revoke. Admins only. */
export function apiTokensRoutes(deps: AppDeps) {
  const view = (extra: Partial<ApiTokensView> = {}): ApiTokensView => ({ tokens: listApiTokens(deps.db), form: { name: '' }, ...extra });

  return new Elysia()
    .use(webContext(deps))
    .get(PAGE, ({ page, query }) => <ApiTokensPage page={page} view={view({ notice: query.revoked === '1' ? page.t('apiTokens.revoked') : undefined })} />, {
      access: ADMIN_ONLY,
    })
    .post(
      PAGE,
      ({ page, body, set, viewer, clientIp, request }) => {
        const parsed = tokenNameSchema.safeParse(formText(body, 'name'));
        if (!parsed.success) {
          set.status = 422;
          return <ApiTokensPage page={page} view={view({ form: { name: formText(body, 'name'), errors: { name: parsed.error.issues[0]!.message } } })} />;
        }
        const { token } = createApiToken({ name: parsed.data }, viewerActor(viewer!, clientIp, request), deps);
        return <ApiTokensPage page={page} view={view({ created: { name: parsed.data, token } })} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/revoke`,
      ({ params, viewer, clientIp, request, redirect }) => {
        // An unknown or already revoked token changes nothing, and says nothing.
        const revoked = revokeApiToken({ id: params.id }, viewerActor(viewer!, clientIp, request), deps);
        return redirect(revoked ? `${PAGE}?revoked=1` : PAGE, 303);
      },
      { access: ADMIN_ONLY },
    );
}

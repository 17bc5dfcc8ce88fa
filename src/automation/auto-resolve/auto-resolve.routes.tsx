import { Elysia } from 'elysia';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../../accounts/access-policy';
import { viewerActor } from '../../accounts/request-actor';
import { formText, toFieldErrors } from '../../platform/http/form-errors';
import { autoResolveSettingsSchema, getAutoResolveSettings, saveAutoResolveSettings } from './auto-resolve-settings';
import { AutoResolvePage } from '../../../views/settings/auto-resolve.page';

const PAGE = '/settings/auto-resolve';

/** /settings/auto-resolve: whether pending conversations are resolved automatically, after how long, and with what closing message. */
export function autoResolveRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, query }) => {
        const current = getAutoResolveSettings(deps.db);
        const values = { enabled: current.enabled, hours: String(current.hours), messageEn: current.messageEn, messageAr: current.messageAr };
        return <AutoResolvePage page={page} values={values} notice={query.saved === '1' ? page.t('autoResolve.saved') : undefined} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      PAGE,
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        // An unticked checkbox is simply absent from the form.
        const values = { enabled: formText(body, 'enabled') === '1', hours: formText(body, 'hours'), messageEn: formText(body, 'messageEn'), messageAr: formText(body, 'messageAr') };
        const parsed = autoResolveSettingsSchema.safeParse(values);
        if (!parsed.success) {
          set.status = 422;
          return <AutoResolvePage page={page} values={values} errors={toFieldErrors(parsed.error)} />;
        }
        saveAutoResolveSettings(parsed.data, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`${PAGE}?saved=1`, 303);
      },
      { access: ADMIN_ONLY },
    );
}

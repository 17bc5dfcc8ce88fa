import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import { businessSettingsSchema, getBusinessSettings, saveBusinessSettings } from './business-settings';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { BusinessPage } from '../../views/settings/business.page';

const timeZones = Intl.supportedValuesOf('timeZone');

/** /settings/business: name, time zone and default language. */
export function businessSettingsRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/settings/business',
      ({ page, query }) => (
        <BusinessPage page={page} values={getBusinessSettings(deps.db)} timeZones={timeZones} notice={query.saved === '1' ? page.t('business.saved') : undefined} />
      ),
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/business',
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        const values = { businessName: formText(body, 'businessName'), timeZone: formText(body, 'timeZone'), defaultLocale: formText(body, 'defaultLocale') };
        const parsed = businessSettingsSchema.safeParse(values);
        if (!parsed.success) {
          set.status = 422;
          return <BusinessPage page={page} values={values} timeZones={timeZones} errors={toFieldErrors(parsed.error)} />;
        }
        saveBusinessSettings(parsed.data, viewerActor(viewer!, clientIp, request), deps);
        return redirect('/settings/business?saved=1', 303);
      },
      { access: ADMIN_ONLY },
    );
}

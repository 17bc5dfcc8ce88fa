import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import { getInboxBehaviour, inboxBehaviourSchema, saveInboxBehaviour } from './inbox-behaviour';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { InboxBehaviourPage } from '../../views/settings/inbox-behaviour.page';

/** /settings/inbox-behaviour: the reply-lock length and the idle-release limit. */
export function inboxBehaviourRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/settings/inbox-behaviour',
      ({ page, query }) => {
        const current = getInboxBehaviour(deps.db);
        const values = { lockMinutes: String(current.lockMinutes), idleReleaseMinutes: String(current.idleReleaseMinutes) };
        return <InboxBehaviourPage page={page} values={values} notice={query.saved === '1' ? page.t('common.saved') : undefined} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/settings/inbox-behaviour',
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        const values = { lockMinutes: formText(body, 'lockMinutes'), idleReleaseMinutes: formText(body, 'idleReleaseMinutes') };
        const parsed = inboxBehaviourSchema.safeParse(values);
        if (!parsed.success) {
          set.status = 422;
          return <InboxBehaviourPage page={page} values={values} errors={toFieldErrors(parsed.error)} />;
        }
        saveInboxBehaviour(parsed.data, viewerActor(viewer!, clientIp, request), deps);
        return redirect('/settings/inbox-behaviour?saved=1', 303);
      },
      { access: ADMIN_ONLY },
    );
}

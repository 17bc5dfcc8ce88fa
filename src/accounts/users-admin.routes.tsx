import { Elysia, type Context } from 'elysia';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { webContext } from './web-context.plugin';
import { ADMIN_ONLY } from './access-policy';
import { viewerActor } from './request-actor';
import type { Viewer } from './sessions';
import { ROLES, type Role } from './accounts.tables';
import { emailSchema, roleSchema } from './accounts.schemas';
import { createEmailTakenError, createLastAdminError } from './accounts.errors';
import { listUsers } from './users.repository';
import { updateUserAccess } from './update-user-access';
import { createInvite, listPendingInvites } from './invites';
import { isAppError } from '../platform/errors';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import type { MessageKey } from '../i18n/translate';
import type { PageContext } from '../../views/layout/page-context';
import { UsersPage, type UsersView } from '../../views/settings/users.page';

const PAGE = '/settings/users';
const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
/** Outcomes carried through the redirect after a change (Post/Redirect/Get), so a reload repeats nothing. */
const NOTICES = new Map<string, MessageKey>([
  ['role', 'users.notice.roleChanged'],
  ['disabled', 'users.notice.disabled'],
  ['enabled', 'users.notice.enabled'],
]);

/** /settings/users: the user list, role and status changes, and invitations. Admins only. */
export function usersAdminRoutes(deps: AppDeps) {
  const view = (extra: Partial<UsersView> = {}): UsersView => ({
    users: listUsers(deps.db),
    invites: listPendingInvites(deps.db, deps.clock.now()),
    roles: ROLES,
    invite: { email: '', role: 'agent' },
    ...extra,
  });

  // Re-rendered from an action URL: keep the address bar on the page itself.
  const render = (page: PageContext, set: Context['set'], status: number, extra: Partial<UsersView>) => {
    set.status = status;
    set.headers['hx-push-url'] = PAGE;
    return <UsersPage page={page} view={view(extra)} />;
  };

  /** Applies a role or status change; the last-admin rule comes back as a message on the page. */
  const changeAccess = (ctx: AccessContext, change: { role?: Role; disabled?: boolean }, done: string) => {
    try {
      updateUserAccess({ userId: ctx.params.id, ...change }, viewerActor(ctx.viewer!, ctx.clientIp, ctx.request), deps);
    } catch (error) {
      if (!isAppError(error) || error.code !== createLastAdminError().code) throw error;
      return render(ctx.page, ctx.set, 409, { problem: ctx.page.t(error.messageKey as MessageKey) });
    }
    return ctx.redirect(`${PAGE}?done=${done}`, 303);
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, query }) => {
        const notice = NOTICES.get(query.done ?? '');
        return <UsersPage page={page} view={view({ notice: notice ? page.t(notice) : undefined })} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/role`,
      (ctx) => {
        const role = roleSchema.safeParse(formText(ctx.body, 'role'));
        if (!role.success) return render(ctx.page, ctx.set, 422, { problem: ctx.page.t('field.role.invalid') });
        return changeAccess(ctx, { role: role.data }, 'role');
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/disable`,
      (ctx) => {
        if (ctx.params.id === ctx.viewer!.user.id) return render(ctx.page, ctx.set, 422, { problem: ctx.page.t('users.error.disableSelf') });
        return changeAccess(ctx, { disabled: true }, 'disabled');
      },
      { access: ADMIN_ONLY },
    )
    .post(`${PAGE}/:id/enable`, (ctx) => changeAccess(ctx, { disabled: false }, 'enabled'), { access: ADMIN_ONLY })
    .post(
      `${PAGE}/invite`,
      ({ page, body, set, viewer, clientIp, request }) => {
        const email = formText(body, 'email');
        const role = formText(body, 'role');
        const parsed = inviteSchema.safeParse({ email, role });
        if (!parsed.success) return render(page, set, 422, { invite: { email, role, errors: toFieldErrors(parsed.error) } });
        try {
          const { token } = createInvite(parsed.data, viewerActor(viewer!, clientIp, request), deps);
          const base = deps.config.publicUrl || new URL(request.url).origin;
          return render(page, set, 200, { invite: { email: '', role, created: { email: parsed.data.email, link: `${base}/invite/${token}` } } });
        } catch (error) {
          if (!isAppError(error) || error.code !== createEmailTakenError().code) throw error;
          return render(page, set, 422, { invite: { email, role, errors: { email: error.messageKey } } });
        }
      },
      { access: ADMIN_ONLY },
    );
}

/** The parts of an Elysia request context the access handlers use. */
interface AccessContext {
  params: { id: string };
  page: PageContext;
  set: Context['set'];
  viewer?: Viewer;
  clientIp: string;
  request: Request;
  redirect: Context['redirect'];
}

import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { webContext } from './web-context.plugin';
import { findUserById, updateUser } from './users.repository';
import { nameSchema } from './accounts.schemas';
import { changePassword } from './change-password';
import { verifyPassword } from './passwords';
import { INBOX_USERS, isAllowed } from './access-policy';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { ProfilePage } from '../../views/settings/profile.page';

/** The alert settings card, for people who work the inbox. */
function notificationsOf(deps: AppDeps, userId: string) {
  const user = findUserById(deps.db, userId);
  return user && isAllowed(INBOX_USERS, user.role) ? { desktop: user.notifyDesktop, sound: user.notifySound } : undefined;
}

const profileSchema = z.object({ name: nameSchema, locale: z.enum(['en', 'ar'], { error: 'field.locale.invalid' }) });

/** /settings (the settings home) and the signed-in user's own profile and password. */
export function profileRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get('/settings', ({ redirect }) => redirect('/settings/profile', 303), { access: 'signed-in' })
    .get('/settings/profile', ({ page, viewer }) => <ProfilePage page={page} view={{ name: viewer!.user.name, locale: viewer!.user.locale, notifications: notificationsOf(deps, viewer!.user.id) }} />, {
      access: 'signed-in',
    })
    .post(
      '/settings/profile',
      ({ page, viewer, body, set, redirect }) => {
        const parsed = profileSchema.safeParse({ name: formText(body, 'name'), locale: formText(body, 'locale') });
        if (!parsed.success) {
          set.status = 422;
          return <ProfilePage page={page} view={{ name: formText(body, 'name'), locale: formText(body, 'locale'), errors: toFieldErrors(parsed.error), notifications: notificationsOf(deps, viewer!.user.id) }} />;
        }
        updateUser(deps.db, viewer!.user.id, { ...parsed.data, updatedAt: deps.clock.now() });
        return redirect('/settings/profile', 303);
      },
      { access: 'signed-in' },
    )
    .post(
      '/settings/notifications',
      ({ viewer, body, redirect }) => {
        updateUser(deps.db, viewer!.user.id, { notifyDesktop: formText(body, 'notifyDesktop') === '1', notifySound: formText(body, 'notifySound') === '1', updatedAt: deps.clock.now() });
        return redirect('/settings/profile', 303);
      },
      { access: INBOX_USERS },
    )
    .post(
      '/settings/password',
      async ({ page, viewer, body, set, clientIp, request }) => {
        const me = viewer!.user;
        const view = { name: me.name, locale: me.locale, notifications: notificationsOf(deps, me.id) };
        const errors: Record<string, string> = {};
        const password = formText(body, 'password');
        const user = findUserById(deps.db, me.id);
        if (!user || !(await verifyPassword(formText(body, 'currentPassword'), user.passwordHash))) errors.currentPassword = 'profile.currentPassword.wrong';
        if (password !== formText(body, 'passwordConfirm')) errors.passwordConfirm = 'field.password.mismatch';
        if (Object.keys(errors).length === 0) {
          try {
            const actor = { id: me.id, label: me.email, ip: clientIp, userAgent: request.headers.get('user-agent') ?? '' };
            await changePassword({ userId: me.id, password, keepSession: viewer!.sessionHash }, actor, deps);
            return <ProfilePage page={page} view={{ ...view, notice: page.t('profile.passwordChanged') }} />;
          } catch (error) {
            const fields = toFieldErrors(error);
            if (!fields) throw error;
            Object.assign(errors, fields);
          }
        }
        set.status = 422;
        return <ProfilePage page={page} view={{ ...view, errors }} />;
      },
      { access: 'signed-in' },
    );
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from './web-context.plugin';
import { acceptInvite, findOpenInvite } from './invites';
import { nameSchema, passwordSchema } from './accounts.schemas';
import { signIn } from './sign-in';
import { LOCALE_COOKIE, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { getBusinessSettings } from '../settings/business-settings';
import { isLocale } from '../i18n/translate';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { InviteInvalidPage, InvitePage } from '../../views/accounts/invite.page';

/** /invite/:token: a single-use, expiring link that lets an invited person create their account and sign in. */
export function inviteRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/invite/:token',
      ({ page, params, set }) => {
        const invite = findOpenInvite(deps.db, params.token, deps.clock.now());
        if (!invite) {
          set.status = 404;
          return <InviteInvalidPage page={page} />;
        }
        return <InvitePage page={page} token={params.token} invite={invite} />;
      },
      { access: 'public' },
    )
    .post(
      '/invite/:token',
      async ({ page, params, body, set, cookie, request, clientIp, https, redirect }) => {
        const invite = findOpenInvite(deps.db, params.token, deps.clock.now());
        if (!invite) {
          set.status = 404;
          return <InviteInvalidPage page={page} />;
        }
        const name = formText(body, 'name');
        const password = formText(body, 'password');
        // Every field's problem in one round; nothing is spent until all are fine.
        const errors: Record<string, string> = {};
        const nameCheck = nameSchema.safeParse(name);
        if (!nameCheck.success) Object.assign(errors, { name: nameCheck.error.issues[0]!.message });
        const passwordCheck = passwordSchema.safeParse(password);
        if (!passwordCheck.success) Object.assign(errors, { password: passwordCheck.error.issues[0]!.message });
        if (password !== formText(body, 'passwordConfirm')) errors.passwordConfirm = 'field.password.mismatch';
        if (Object.keys(errors).length === 0) {
          try {
            // The language the invitee picked on this page, else the business's default for new members.
            const chosen = cookie[LOCALE_COOKIE]?.value;
            const locale = isLocale(chosen) ? chosen : getBusinessSettings(deps.db).defaultLocale;
            const accepted = await acceptInvite({ token: params.token, name, password, locale }, deps);
            if (!accepted.ok) {
              set.status = 404;
              return <InviteInvalidPage page={page} />;
            }
          } catch (error) {
            const fields = toFieldErrors(error);
            if (!fields) throw error;
            Object.assign(errors, fields);
          }
        }
        if (Object.keys(errors).length > 0) {
          set.status = 422;
          return <InvitePage page={page} token={params.token} invite={invite} name={name} errors={errors} />;
        }
        const signedIn = await signIn({ email: invite.email, password, ip: clientIp, userAgent: request.headers.get('user-agent') ?? '' }, deps);
        if (signedIn.ok) cookie[SESSION_COOKIE]!.set(sessionCookie(https, signedIn.token));
        return redirect('/', 303);
      },
      { access: 'public' },
    );
}

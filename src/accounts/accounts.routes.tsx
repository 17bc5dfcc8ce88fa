import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from './web-context.plugin';
import { countUsers, updateUser } from './users.repository';
import { newUserSchema } from './accounts.schemas';
import { createSetupDoneError } from './accounts.errors';
import { isAppError } from '../platform/errors';
import { createUser } from './create-user';
import { signIn } from './sign-in';
import { endSession } from './sessions';
import { LOCALE_COOKIE, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { recordAudit } from '../audit/record-audit';
import { businessSettingsSchema, saveBusinessSettings } from '../settings/business-settings';
import { formText, toFieldErrors } from '../platform/http/form-errors';
import { safeNextPath } from '../platform/http/safe-redirect';
import { isLocale } from '../i18n/translate';
import { SetupPage, type SetupValues } from '../../views/accounts/setup.page';
import { LoginPage } from '../../views/accounts/login.page';

const timeZones = Intl.supportedValuesOf('timeZone');

/** First-run setup, sign in and out, the language switch, and the signed-in landing page. */
export function accountsRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/',
      ({ viewer, redirect }) => {
        if (!viewer) return redirect(countUsers(deps.db) === 0 ? '/setup' : '/login', 303);
        // Analysts read reports and nothing else: that is their home.
        if (viewer.user.role === 'analyst') return redirect('/reports', 303);
        return redirect('/conversations', 303);
      },
      { access: 'public' },
    )
    .get(
      '/setup',
      ({ page, redirect }) => {
        if (countUsers(deps.db) > 0) return redirect('/login', 303);
        const values: SetupValues = { businessName: '', timeZone: guessTimeZone(), locale: page.locale, name: '', email: '' };
        return <SetupPage page={page} values={values} timeZones={timeZones} />;
      },
      { access: 'public' },
    )
    .post(
      '/setup',
      async ({ page, body, set, cookie, request, clientIp, https, redirect }) => {
        if (countUsers(deps.db) > 0) return redirect('/login', 303);
        const values: SetupValues = {
          businessName: formText(body, 'businessName'),
          timeZone: formText(body, 'timeZone'),
          locale: formText(body, 'locale'),
          name: formText(body, 'name'),
          email: formText(body, 'email'),
        };
        const password = formText(body, 'password');
        const business = businessSettingsSchema.safeParse({ businessName: values.businessName, timeZone: values.timeZone, defaultLocale: values.locale });
        const errors = { ...(business.success ? {} : toFieldErrors(business.error)) };
        if (password !== formText(body, 'passwordConfirm')) errors.passwordConfirm = 'field.password.mismatch';
        let userId: string | undefined;
        if (Object.keys(errors).length === 0) {
          try {
            const actor = { id: null, label: values.email.trim().toLowerCase(), ip: clientIp, userAgent: request.headers.get('user-agent') ?? '' };
            const locale = isLocale(values.locale) ? values.locale : 'en';
            ({ userId } = await createUser({ email: values.email, name: values.name, role: 'admin', password, locale }, actor, deps, { onlyIfFirst: true }));
            saveBusinessSettings(business.data, { ...actor, id: userId }, deps);
          } catch (error) {
            // Someone else finished setup a moment earlier: their account stands, this visitor signs in.
            if (isAppError(error) && error.code === createSetupDoneError().code) return redirect('/login', 303);
            const fields = toFieldErrors(error);
            if (!fields) throw error;
            Object.assign(errors, fields);
          }
        } else {
          // Report the account fields' problems in the same round as the business ones.
          const account = newUserSchema.safeParse({ email: values.email, name: values.name, role: 'admin', password });
          if (!account.success) Object.assign(errors, toFieldErrors(account.error), errors);
        }
        if (!userId) {
          set.status = 422;
          return <SetupPage page={page} values={values} errors={errors} timeZones={timeZones} />;
        }
        const signedIn = await signIn({ email: values.email, password, ip: clientIp, userAgent: request.headers.get('user-agent') ?? '' }, deps);
        if (signedIn.ok) cookie[SESSION_COOKIE]!.set(sessionCookie(https, signedIn.token));
        return redirect('/', 303);
      },
      { access: 'public' },
    )
    .get(
      '/login',
      ({ page, query, viewer, redirect }) => {
        if (viewer) return redirect(safeNextPath(query.next), 303);
        if (countUsers(deps.db) === 0) return redirect('/setup', 303);
        return <LoginPage page={page} next={safeNextPath(query.next, '')} />;
      },
      { access: 'public' },
    )
    .post(
      '/login',
      async ({ page, body, set, cookie, request, clientIp, https, redirect }) => {
        const email = formText(body, 'email');
        const next = safeNextPath(formText(body, 'next'));
        const result = await signIn({ email, password: formText(body, 'password'), ip: clientIp, userAgent: request.headers.get('user-agent') ?? '' }, deps);
        if (result.ok) {
          cookie[SESSION_COOKIE]!.set(sessionCookie(https, result.token));
          return redirect(next, 303);
        }
        set.status = result.reason === 'throttled' ? 429 : 401;
        const problem =
          result.reason === 'throttled' ? page.t('login.throttled', { time: page.format.dateTime(result.retryAt) }) : page.t('login.invalid');
        return <LoginPage page={page} email={email} next={next} problem={problem} />;
      },
      { access: 'public' },
    )
    .post(
      '/logout',
      ({ viewer, cookie, clientIp, redirect }) => {
        if (viewer) {
          endSession(deps.db, viewer.sessionHash);
          recordAudit(deps.db, { newId: deps.newId, now: deps.clock.now() }, { id: viewer.user.id, label: viewer.user.email, ip: clientIp }, { action: 'logout' });
        }
        cookie[SESSION_COOKIE]!.remove();
        return redirect('/login', 303);
      },
      { access: 'public' },
    )
    .post(
      '/locale',
      ({ body, cookie, viewer, https, redirect }) => {
        const locale = formText(body, 'locale');
        if (isLocale(locale)) {
          cookie[LOCALE_COOKIE]!.set({ value: locale, httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge: 365 * 24 * 3600 });
          if (viewer) {
            updateUser(deps.db, viewer.user.id, { locale, updatedAt: deps.clock.now() });
          }
        }
        return redirect(safeNextPath(formText(body, 'next')), 303);
      },
      { access: 'public' },
    );
}

/** The server's zone as a starting suggestion on the setup form; owners usually keep it or pick theirs. */
function guessTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

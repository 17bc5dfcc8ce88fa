import { SESSION_MAX_MS } from './sessions';

/** Cookie names in one place; the session cookie is HttpOnly and Lax, Secure whenever the page came over HTTPS. */
export const SESSION_COOKIE = 'rasil_sid';
/** Anonymous forms (login, first-run, invitations) echo this double-submit token instead of a session's. */
export const PRE_SESSION_CSRF_COOKIE = 'rasil_csrf';
export const LOCALE_COOKIE = 'rasil_lang';

/** The session cookie's value and attributes, shared by every route that signs someone in. */
export const sessionCookie = (https: boolean, token: string) => ({
  value: token,
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: https,
  path: '/',
  maxAge: SESSION_MAX_MS / 1000,
});

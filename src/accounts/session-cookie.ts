/** Cookie names in one place; the session cookie is HttpOnly and Lax, Secure whenever the page came over HTTPS. */
export const SESSION_COOKIE = 'rasil_sid';
/** Anonymous forms (login, first-run, invitations) echo this double-submit token instead of a session's. */
export const PRE_SESSION_CSRF_COOKIE = 'rasil_csrf';
export const LOCALE_COOKIE = 'rasil_lang';

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import type { PageContext } from '../../views/layout/page-context';
import { renderTimelineText } from '../i18n/timeline-text';
import { createTranslator, isLocale, localeFromAcceptLanguage, textDirection } from '../i18n/translate';
import { createFormatter } from '../i18n/format';
import { DEFAULT_BUSINESS_SETTINGS, getBusinessSettings } from '../settings/business-settings';
import { clientAddress, isHttpsRequest } from '../platform/http/client-address';
import { checkCsrf, CSRF_FIELD, isUnsafeMethod } from '../platform/http/csrf';
import { isPartialRequest } from '../platform/http/htmx';
import { newSecretToken } from '../platform/crypto';
import { resolveSession, type Viewer } from './sessions';
import { isAllowed, type AccessPolicy } from './access-policy';
import { LOCALE_COOKIE, PRE_SESSION_CSRF_COOKIE, SESSION_COOKIE } from './session-cookie';
import { recordAudit } from '../audit/record-audit';
import { requestLog } from '../platform/http/request-log.plugin';
import { renderError } from '../../views/errors/render-error';

/** Paths whose callers authenticate otherwise (Meta's signature, API bearer tokens, the sandbox Graph's token) and so skip the CSRF check. */
const CSRF_EXEMPT = [/^\/webhooks\//, /^\/api\/v1\//, /^\/sandbox\/graph\//];

/**
 * Per-request web context shared by every route plugin: the signed-in viewer, the page chrome (language,
 * time zone, CSRF token), the CSRF gate on unsafe methods, and the `access` option each route declares.
 */
export function webContext(deps: AppDeps) {
  const allowedOrigins = () => [deps.config.publicUrl].filter(Boolean);
  return new Elysia({ name: 'web-context', seed: deps.config.dataDir })
    .use(requestLog({ logger: deps.logger, https: deps.config.publicUrl.startsWith('https:') }))
    .derive({ as: 'global' }, ({ request, cookie, server, requestId }) => {
      const now = deps.clock.now();
      const https = isHttpsRequest({ url: request.url, headers: request.headers, trustProxy: deps.config.trustProxy });
      const ip = clientAddress({ headers: request.headers, socketAddress: server?.requestIP(request)?.address, trustProxy: deps.config.trustProxy });
      // A failing database must not stop /healthz from reporting it, nor error pages from rendering.
      const viewer: Viewer | undefined = orUndefined(() => resolveSession(deps.db, cookie[SESSION_COOKIE]?.value as string | undefined, now), deps);

      // Anonymous visitors get a double-submit token, minted only when a form or check actually asks for it, so
      // webhooks, assets and health checks never pay for (or receive) a cookie they do not need.
      let preSessionToken: string | undefined;
      const anonymousToken = () => {
        if (preSessionToken) return preSessionToken;
        const existing = cookie[PRE_SESSION_CSRF_COOKIE]?.value;
        preSessionToken = typeof existing === 'string' && /^[\w-]{20,100}$/.test(existing) ? existing : newSecretToken();
        if (existing !== preSessionToken) {
          cookie[PRE_SESSION_CSRF_COOKIE]!.set({ value: preSessionToken, httpOnly: true, sameSite: 'strict', path: '/', secure: https });
        }
        return preSessionToken;
      };

      const chosen = cookie[LOCALE_COOKIE]?.value;
      const locale = viewer?.user.locale ?? (isLocale(chosen) ? chosen : undefined) ?? localeFromAcceptLanguage(request.headers.get('accept-language'));
      const business = orUndefined(() => getBusinessSettings(deps.db), deps) ?? DEFAULT_BUSINESS_SETTINGS;
      const url = new URL(request.url);
      const t = createTranslator(locale);
      const page: PageContext = {
        t,
        explain: (text) => renderTimelineText(text, t),
        locale,
        dir: textDirection(locale),
        format: createFormatter(locale, business.timeZone),
        timeZone: business.timeZone,
        businessName: business.businessName,
        get csrfToken() {
          return viewer?.csrfToken ?? anonymousToken();
        },
        path: url.pathname,
        requestId,
        version: deps.version,
        user: viewer ? { id: viewer.user.id, name: viewer.user.name, email: viewer.user.email, role: viewer.user.role } : null,
      };
      return { viewer, page, clientIp: ip, https, origins: [url.origin, ...allowedOrigins()] as string[] };
    })
    .onBeforeHandle({ as: 'global' }, ({ request, body, page, origins, set }) => {
      if (!isUnsafeMethod(request.method)) return;
      const path = new URL(request.url).pathname;
      if (CSRF_EXEMPT.some((re) => re.test(path))) return;
      const formToken = body && typeof body === 'object' ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
      const verdict = checkCsrf({
        headers: request.headers,
        formToken: typeof formToken === 'string' ? formToken : undefined,
        expectedToken: page.csrfToken,
        allowedOrigins: origins,
      });
      if (!verdict.ok) {
        deps.logger.warn('csrf check failed', { path, reason: verdict.reason });
        set.status = 403;
        set.headers['content-type'] = 'text/plain; charset=utf-8';
        return page.t('error.csrf');
      }
    })
    .macro({
      access: (policy: AccessPolicy) => ({
        beforeHandle({ viewer, request, set, page, clientIp }) {
          if (policy === 'public') return;
          if (!viewer) {
            if (isPartialRequest(request.headers)) {
              set.status = 401;
              set.headers['hx-redirect'] = '/login';
              return page.t('error.sessionExpired');
            }
            const next = new URL(request.url).pathname;
            set.status = 303;
            set.headers.location = `/login?next=${encodeURIComponent(next)}`;
            return '';
          }
          if (!isAllowed(policy, viewer.user.role)) {
            recordAudit(deps.db, { newId: deps.newId, now: deps.clock.now() }, { id: viewer.user.id, label: viewer.user.email, ip: clientIp }, {
              action: 'access.denied',
              details: { method: request.method, path: new URL(request.url).pathname },
            });
            set.status = 403;
            return renderError(request.headers, page, 'forbidden');
          }
        },
      }),
    });
}

function orUndefined<T>(read: () => T, deps: AppDeps): T | undefined {
  try {
    return read();
  } catch (error) {
    deps.logger.error('database read failed while preparing the request', { error });
    return undefined;
  }
}

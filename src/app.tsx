import { Elysia } from 'elysia';
import { html } from '@elysiajs/html';
import type { AppDeps } from './deps';
import { routeModules } from './routes';
import { staticAssets } from './static-assets';
import { webContext } from './accounts/web-context.plugin';
import { isAppError } from './platform/errors';
import { toFieldErrors } from './platform/http/form-errors';
import { HTMX_VARY } from './platform/http/htmx';
import { bodyLimitFor, exceedsBodyLimit, largestBodyLimit } from './platform/http/body-limit';
import { renderError } from '../views/errors/render-error';
import type { MessageKey } from './i18n/translate';
import { WEBHOOK_PATH, webhookReceiver } from './channel/whatsapp/webhook-receiver';

/**
 * Builds the whole web application without listening, so tests drive it with app.handle(new Request(...))
 * and `serve` wraps it in Bun.serve.
 */
export function createApp(deps: AppDeps) {
  // Meta's webhook POSTs go straight to their receiver on Bun's router (see webhook-receiver.ts); app.handle in
  // tests reaches the same function through the web app's route.
  const app = new Elysia({ serve: { routes: { [WEBHOOK_PATH]: { POST: webhookReceiver(deps) } } } })
    .onRequest(({ request, set }) => {
      if (exceedsBodyLimit(request.headers, bodyLimitFor(new URL(request.url).pathname, deps.config.bodyLimit))) {
        set.status = 413;
        return 'Request body too large';
      }
    })
    .use(html({ autoDoctype: false }))
    .use(webContext(deps))
    // Registered before the routes: Elysia applies hooks only to routes added after them.
    .onError((context) => {
      // The context's type is a union per error code; read it as plain values.
      const { error, request, set } = context;
      const code = String(context.code);
      const { page, requestId } = context as unknown as { page?: import('../views/layout/page-context').PageContext; requestId?: string };
      const headers = request.headers;
      set.headers['vary'] = HTMX_VARY;
      set.headers['content-type'] = 'text/html; charset=utf-8';
      if (!page) {
        // The failure came before the web context existed (e.g. body parsing); answer plainly.
        set.status = code === 'PARSE' ? 400 : typeof set.status === 'number' && set.status >= 400 ? set.status : 500;
        return code === 'PARSE' ? 'Bad request' : 'Internal error';
      }
      if (code === 'NOT_FOUND') {
        set.status = 404;
        return renderError(headers, page, 'notFound');
      }
      if (code === 'PARSE' || code === 'VALIDATION' || code === 'INVALID_COOKIE_SIGNATURE') {
        set.status = code === 'VALIDATION' ? 422 : 400;
        return renderError(headers, page, 'badRequest');
      }
      if (isAppError(error)) {
        set.status = error.status;
        const message = page.t(error.messageKey as MessageKey, error.vars);
        return renderError(headers, page, error.status === 404 ? 'notFound' : error.status === 403 ? 'forbidden' : 'badRequest', message);
      }
      if (toFieldErrors(error)) {
        set.status = 422;
        return renderError(headers, page, 'badRequest');
      }
      deps.logger.error('unhandled error', { requestId, path: new URL(request.url).pathname, error });
      set.status = 500;
      return renderError(headers, page, 'server');
    })
    .onAfterHandle(({ set, request }) => {
      // Pages differ for htmx partials, and inbox pages must never sit in a shared cache.
      set.headers['vary'] = HTMX_VARY;
      if (!new URL(request.url).pathname.startsWith('/static/')) set.headers['cache-control'] ??= 'no-store';
    })
    .use(staticAssets());
  for (const module of routeModules) app.use(module(deps));
  // Unknown paths still get the full web context, so the 404 page speaks the viewer's language.
  app.use(
    new Elysia().use(webContext(deps)).all(
      '/*',
      ({ request, page, set }) => {
        set.status = 404;
        return renderError(request.headers, page, 'notFound');
      },
      { access: 'public' },
    ),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The largest body any route accepts; Bun.serve enforces it for bodies without a Content-Length. */
export const maxRequestBodySize = (deps: AppDeps) => largestBodyLimit(deps.config.bodyLimit);

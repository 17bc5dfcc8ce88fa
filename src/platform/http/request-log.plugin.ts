import { Elysia } from 'elysia';
import type { Logger } from '../logger';
import { elapsedMs } from '../clock';
import { securityHeaders } from './security-headers';

/**
 * Gives every request an id (echoed as X-Request-Id, shown on error pages), the baseline security headers,
 * and one structured log line when the response is done. Bodies are never logged.
 */
export function requestLog({ logger, https }: { logger: Logger; https: boolean }) {
  const headers = securityHeaders({ https });
  return new Elysia({ name: 'request-log' })
    .derive({ as: 'global' }, ({ set }) => {
      const requestId = crypto.randomUUID().slice(0, 13);
      Object.assign(set.headers, headers);
      set.headers['x-request-id'] = requestId;
      return { requestId, startedAt: elapsedMs(), log: logger.child({ requestId }) };
    })
    .onAfterResponse({ as: 'global' }, ({ request, set, log, startedAt, responseValue }) => {
      if (!log) return;
      // A returned Response (redirects) carries its own status; set.status only covers values Elysia wraps.
      const status = responseValue instanceof Response ? responseValue.status : typeof set.status === 'number' ? set.status : 200;
      const path = new URL(request.url).pathname;
      if (path === '/healthz' || path.startsWith('/static/')) return;
      log.info('request', { method: request.method, path, status, ms: Math.round((elapsedMs() - startedAt) * 10) / 10 });
    });
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';

/** GET /healthz: 200 with the version when the database answers, 503 otherwise. For install.sh, systemd and monitors. */
export function healthRoutes(deps: AppDeps) {
  return new Elysia().use(webContext(deps)).get(
    '/healthz',
    ({ set }) => {
      set.headers['cache-control'] = 'no-store';
      try {
        deps.sqlite.query('SELECT 1').get();
        return { status: 'ok', version: deps.version, db: 'ok' };
      } catch (error) {
        deps.logger.error('health check failed', { error });
        set.status = 503;
        return { status: 'unavailable', version: deps.version, db: 'error' };
      }
    },
    { access: 'public' },
  );
}

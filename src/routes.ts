import type { AppDeps } from './deps';
import { healthRoutes } from './health/health.routes';
import { accountsRoutes } from './accounts/accounts.routes';
import { profileRoutes } from './accounts/profile.routes';

/** Every module's routes, in one list. A new module adds one line here. */
export const routeModules = [healthRoutes, accountsRoutes, profileRoutes] satisfies ((deps: AppDeps) => unknown)[];

import type { AppDeps } from './deps';
import { healthRoutes } from './health/health.routes';
import { accountsRoutes } from './accounts/accounts.routes';
import { profileRoutes } from './accounts/profile.routes';
import { businessSettingsRoutes } from './settings/settings.routes';
import { usersAdminRoutes } from './accounts/users-admin.routes';
import { inviteRoutes } from './accounts/invite.routes';
import { apiTokensRoutes } from './accounts/api-tokens.routes';
import { auditLogRoutes } from './audit/audit.routes';
import { teamsRoutes } from './teams/teams.routes';
import { backupsRoutes } from './backups/backups.routes';
import { whatsappSettingsRoutes } from './channel/whatsapp/channels/whatsapp-settings.routes';
import { webhookRoutes } from './channel/whatsapp/webhook.routes';

/** Every module's routes, in one list. A new module adds one line here. */
export const routeModules = [
  healthRoutes,
  accountsRoutes,
  profileRoutes,
  businessSettingsRoutes,
  usersAdminRoutes,
  inviteRoutes,
  apiTokensRoutes,
  auditLogRoutes,
  teamsRoutes,
  backupsRoutes,
  whatsappSettingsRoutes,
  webhookRoutes,
] satisfies ((deps: AppDeps) => unknown)[];

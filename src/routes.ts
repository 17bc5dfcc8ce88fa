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
import { sandboxRoutes } from './channel/whatsapp/sandbox/sandbox.routes';
import { webhookRoutes } from './channel/whatsapp/webhook.routes';
import { mediaRoutes } from './conversations/media.routes';
import { webhookLogRoutes } from './channel/whatsapp/webhook-log.routes';
import { conversationsRoutes } from './conversations/conversations.routes';
import { conversationActionsRoutes } from './conversations/conversation-actions.routes';
import { conversationsApiRoutes } from './api/conversations-api.routes';
import { contactsApiRoutes } from './api/contacts-api.routes';
import { apiDocsRoutes } from './api/api-docs.routes';
import { markConversationRead } from './channel/whatsapp/outbound/read-receipts';

/** Blue ticks on the customer's phone when an agent opens their unread conversation; a setting later, on for now. */
const SEND_READ_RECEIPTS = true;

/** The inbox reports reads; the WhatsApp channel (above it in the stack) turns them into read receipts, off the request. */
const inboxRoutes = (deps: AppDeps) =>
  conversationsRoutes(deps, {
    onConversationRead: SEND_READ_RECEIPTS
      ? (conversationId) =>
          void markConversationRead({ conversationId }, { ...deps, graphApiUrl: deps.config.graphApiUrl }).catch((error: unknown) =>
            deps.logger.warn('read receipt failed', { conversationId, error }),
          )
      : undefined,
  });

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
  sandboxRoutes,
  webhookRoutes,
  mediaRoutes,
  webhookLogRoutes,
  inboxRoutes,
  conversationActionsRoutes,
  conversationsApiRoutes,
  contactsApiRoutes,
  apiDocsRoutes,
] satisfies ((deps: AppDeps) => unknown)[];

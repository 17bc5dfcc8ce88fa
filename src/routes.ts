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
import { agentsSettingsRoutes } from './assignment/agents-settings.routes';
import { inboxSettingsRoutes } from './conversations/inbox-settings.routes';
import { backupsRoutes } from './backups/backups.routes';
import { whatsappSettingsRoutes } from './channel/whatsapp/channels/whatsapp-settings.routes';
import { sandboxRoutes } from './channel/whatsapp/sandbox/sandbox.routes';
import { webhookRoutes } from './channel/whatsapp/webhook.routes';
import { mediaRoutes } from './conversations/media.routes';
import { webhookLogRoutes } from './channel/whatsapp/webhook-log.routes';
import { conversationsRoutes } from './conversations/conversations.routes';
import { conversationActionsRoutes } from './conversations/conversation-actions.routes';
import { conversationChangesRoutes } from './conversations/conversation-changes.routes';
import { labelsRoutes } from './conversations/labels.routes';
import { notificationsRoutes } from './conversations/notifications.routes';
import { contactSidebarRoutes } from './conversations/contact-sidebar.routes';
import { cannedResponsesRoutes } from './conversations/canned-responses.routes';
import { attachmentsRoutes } from './conversations/attachments.routes';
import { conversationsApiRoutes } from './api/conversations-api.routes';
import { contactsApiRoutes } from './api/contacts-api.routes';
import { apiDocsRoutes } from './api/api-docs.routes';
import { markConversationRead } from './channel/whatsapp/outbound/read-receipts';
import { liveRoutes } from './live/live.routes';
import { agentsApiRoutes } from './api/agents-api.routes';
import { countUnreadConversations, liveDeliveryFor } from './conversations/live-audience';
import { lockRoutes } from './conversations/lock.routes';
import { inboxBehaviourRoutes } from './settings/inbox-behaviour.routes';
import { reportsRoutes } from './reports/reports.routes';
import { csatRoutes } from './automation/csat/csat.routes';
import { calendarsRoutes } from './business-hours/calendars/calendars.routes';
import { menuBotRoutes } from './automation/menu-bot/menu-bot.routes';
import { automationRoutes } from './automation/automation.routes';
import { calendarUsage } from './conversations/inbox-calendar';
import { autoResolveRoutes } from './automation/auto-resolve/auto-resolve.routes';
import { routingRulesRoutes } from './assignment/routing-rules.routes';
import { slaRoutes } from './sla/sla.routes';

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

/** Live sits below conversations, so the inbox visibility rule for its events and badge is handed down from here. */
const liveInboxRoutes = (deps: AppDeps) =>
  liveRoutes(deps, {
    deliverTo: (viewer, event) => liveDeliveryFor(deps.db, viewer, event),
    unreadCount: (viewer) => countUnreadConversations(deps.db, viewer),
  });

/** Calendars sit below inboxes and teams, so who follows each calendar is handed down from here. */
const calendarSettingsRoutes = (deps: AppDeps) => calendarsRoutes(deps, { usage: (id) => calendarUsage(deps.db, id) });

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
  agentsSettingsRoutes,
  inboxSettingsRoutes,
  backupsRoutes,
  whatsappSettingsRoutes,
  sandboxRoutes,
  webhookRoutes,
  mediaRoutes,
  webhookLogRoutes,
  liveInboxRoutes,
  inboxRoutes,
  conversationActionsRoutes,
  conversationChangesRoutes,
  labelsRoutes,
  notificationsRoutes,
  contactSidebarRoutes,
  cannedResponsesRoutes,
  attachmentsRoutes,
  lockRoutes,
  inboxBehaviourRoutes,
  reportsRoutes,
  csatRoutes,
  calendarSettingsRoutes,
  autoResolveRoutes,
  menuBotRoutes,
  automationRoutes,
  routingRulesRoutes,
  slaRoutes,
  conversationsApiRoutes,
  agentsApiRoutes,
  contactsApiRoutes,
  apiDocsRoutes,
] satisfies ((deps: AppDeps) => unknown)[];

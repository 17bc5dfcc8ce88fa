import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { INBOX_USERS } from '../accounts/access-policy';
import { ensureCanViewConversation } from './conversation-access';
import { countUnreadNotifications, listNotifications, markNotificationsRead, mentionableUsers } from './notifications.repository';
import { mentionToken } from './mentions';
import type { NotificationKind } from './notifications.tables';
import type { TimelineText } from '../i18n/timeline-text';
import { NotificationsPage } from '../../views/notifications/notifications.page';
import { NotificationCount } from '../../views/notifications/notification-count';
import { MentionList } from '../../views/conversations/mention-picker';

/** The explanation stored on the timeline line an SLA notification points at. */
function explanationOf(content: string | null): TimelineText | undefined {
  try {
    const explanation = content ? (JSON.parse(content) as { explanation?: Partial<TimelineText> }).explanation : undefined;
    return typeof explanation?.key === 'string' && explanation.vars && typeof explanation.vars === 'object' ? (explanation as TimelineText) : undefined;
  } catch {
    return undefined;
  }
}

/** The viewer's notifications (read once the page is opened), the nav count, and who a note may mention. */
export function notificationsRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/notifications',
      ({ page, viewer }) => {
        const userId = viewer!.user.id;
        const items = listNotifications(deps.db, userId).map((n) => ({
          id: n.id,
          conversationId: n.conversationId,
          authorName: n.authorName,
          contactName: n.contactName.trim() || n.contactProfileName.trim() || n.contactPhone || '—',
          noteText: n.noteText,
          kind: n.kind as NotificationKind,
          explanation: n.kind.startsWith('sla_') ? explanationOf(n.messageContent) : undefined,
          createdAt: n.createdAt,
          unread: n.readAt === null,
        }));
        markNotificationsRead(deps.db, userId, deps.clock.now());
        return <NotificationsPage page={page} items={items} />;
      },
      { access: INBOX_USERS },
    )
    .get('/notifications/count', ({ page, viewer }) => <NotificationCount page={page} count={countUnreadNotifications(deps.db, viewer!.user.id)} />, { access: INBOX_USERS })
    .get(
      '/conversations/:id/mentionables',
      ({ page, params, viewer }) => {
        const conversation = ensureCanViewConversation(deps.db, viewer, params.id);
        const users = mentionableUsers(deps.db, conversation)
          .filter((u) => u.id !== viewer!.user.id)
          .map((u) => ({ name: u.name, token: mentionToken(u) }));
        return <MentionList page={page} users={users} />;
      },
      { access: INBOX_USERS },
    );
}

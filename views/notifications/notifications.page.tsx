import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';
import type { NotificationKind } from '../../src/conversations/notifications.tables';
import type { TimelineText } from '../../src/i18n/timeline-text';

export interface NotificationItemView {
  id: string;
  conversationId: string;
  authorName: string | null;
  contactName: string;
  noteText: string;
  /** 'mention' when absent; SLA kinds show their timeline explanation instead of a note. */
  kind?: NotificationKind;
  explanation?: TimelineText;
  createdAt: number;
  unread: boolean;
}

/** The viewer's notifications, newest first; the ones unread when the page opened are marked "New". */
export function NotificationsPage({ page, items }: { page: PageContext; items: NotificationItemView[] }) {
  return (
    <AppShell page={page} title={page.t('notifications.title')}>
      <h1 safe>{page.t('notifications.title')}</h1>
      {items.length === 0 ? (
        <p class="muted" safe>
          {page.t('notifications.empty')}
        </p>
      ) : (
        <ul class="notification-list">
          {items.map((n) => (
            <li class={n.unread ? 'unread' : ''}>
              <a href={`/conversations/${n.conversationId}`} dir="auto" safe>
                {n.kind && n.kind !== 'mention'
                  ? page.t(`sla.notification.${n.kind}`, { contact: n.contactName })
                  : page.t('notifications.mention', { name: n.authorName ?? page.t('notifications.someone'), contact: n.contactName })}
              </a>
              {n.unread ? (
                <span class="badge" safe>
                  {page.t('notifications.new')}
                </span>
              ) : (
                ''
              )}
              {n.kind && n.kind !== 'mention' ? (
                n.explanation ? (
                  <p class="small" safe>
                    {page.explain(n.explanation)}
                  </p>
                ) : (
                  ''
                )
              ) : (
                <blockquote class="quote small" dir="auto" safe>
                  {n.noteText}
                </blockquote>
              )}
              <time class="muted small" safe>
                {page.format.dateTime(n.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}

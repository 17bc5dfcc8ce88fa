import type { PageContext } from '../layout/page-context';

/** Where the nav shows unread notifications: filled on load and every minute (the nav appears twice, so no id). */
export function NotificationCountSlot() {
  return <span class="notification-count" hx-get="/notifications/count" hx-trigger="load, every 60s" hx-swap="innerHTML"></span>;
}

/** The count itself; empty when there is nothing new. */
export function NotificationCount({ page, count }: { page: PageContext; count: number }) {
  if (count === 0) return '';
  return (
    <span class="badge count" aria-label={page.t('notifications.unread', { count })} safe>
      {page.format.number(count)}
    </span>
  );
}

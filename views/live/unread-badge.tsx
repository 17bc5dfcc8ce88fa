import type { PageContext } from '../layout/page-context';

export const UNREAD_BADGE_CLASS = 'unread-badge';

/**
 * The nav badge with the viewer's unread conversation count; public/app.js copies `data-count` into every badge and
 * the tab title whenever a live event arrives. Empty (and hidden by CSS) at zero.
 */
export function UnreadBadge({ page, count }: { page: PageContext; count: number | null }) {
  return (
    <span class={UNREAD_BADGE_CLASS} data-count={count === null ? '' : String(count)} title={count ? page.t('live.unread.badge', { count }) : undefined}>
      {count ? page.format.number(count) : ''}
    </span>
  );
}

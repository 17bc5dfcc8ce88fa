import type { PageContext } from '../layout/page-context';
import type { ReplyWindowView } from '../../src/conversations/conversation-view';
import { formatDuration } from './format-duration';

/** The 24-hour window at a glance: time left while open, "closed" (templates only) afterwards. */
export function WindowBadge({ page, window }: { page: PageContext; window: ReplyWindowView }) {
  return window.open ? (
    <span class="badge window-open" title={page.t('inbox.window.openTitle')} safe>
      {page.t('inbox.window.left', { time: formatDuration(page, window.remainingMs ?? 0) })}
    </span>
  ) : (
    <span class="badge window-closed" title={page.t('inbox.window.closedTitle')} safe>
      {page.t('inbox.window.closed')}
    </span>
  );
}

import type { PageContext } from '../../layout/page-context';
import type { MessageView } from '../../../src/conversations/message-view';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type EventDetail = Extract<MessageDetail, { type: 'event' }>;

/** System events (status changes, a new phone number): a centred grey line, not a bubble. */
export function EventLine({ page, message, detail }: { page: PageContext; message: MessageView; detail: EventDetail }) {
  const text = detail.explanation ? page.explain(detail.explanation) : detail.key ? page.t(detail.key, { ...detail.vars, status: detail.vars.to ? page.t(statusKey(detail.vars.to)) : '' }) : message.body;
  return (
    <li class="timeline-event" id={`message-${message.id}`}>
      <span dir="auto" safe>
        {text}
      </span>{' '}
      <time class="muted" datetime={new Date(message.sentAt).toISOString()} safe>
        {page.format.dateTime(message.sentAt)}
      </time>
    </li>
  );
}

function statusKey(status: string) {
  if (status === 'open' || status === 'pending' || status === 'snoozed' || status === 'resolved') return `inbox.status.${status}` as const;
  return 'inbox.status.open' as const;
}

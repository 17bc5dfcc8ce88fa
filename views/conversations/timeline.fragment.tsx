import type { PageContext } from '../layout/page-context';
import type { TimelineView } from '../../src/conversations/timeline-view';
import { MessageBubble } from './message-bubble';

export const TIMELINE_MESSAGES_ID = 'timeline-messages';

/** The conversation's messages, oldest at the top; older pages load in place above the first one. */
export function Timeline({ page, view }: { page: PageContext; view: TimelineView }) {
  return (
    <section id="timeline" class="timeline" aria-label={page.t('inbox.timeline')}>
      {view.messages.length === 0 ? (
        <p class="muted empty-timeline" safe>
          {page.t('inbox.timeline.empty')}
        </p>
      ) : (
        ''
      )}
      <ol id={TIMELINE_MESSAGES_ID} class="messages">
        <TimelineItems page={page} view={view} />
      </ol>
    </section>
  );
}

/** The "load older" control followed by a page of bubbles: the first render and each older page share it. */
export function TimelineItems({ page, view }: { page: PageContext; view: TimelineView }) {
  return (
    <>
      {view.olderCursor ? <OlderLoader page={page} conversationId={view.conversationId} cursor={view.olderCursor} /> : ''}
      {view.messages.map((message) => (
        <MessageBubble page={page} conversationId={view.conversationId} message={message} />
      ))}
    </>
  );
}

function OlderLoader({ page, conversationId, cursor }: { page: PageContext; conversationId: string; cursor: string }) {
  const base = `/conversations/${conversationId}`;
  return (
    <li class="load-older" id="load-older">
      <a href={`${base}?before=${cursor}`} hx-get={`${base}/messages?before=${cursor}`} hx-target="#load-older" hx-swap="outerHTML" safe>
        {page.t('inbox.loadOlder')}
      </a>
    </li>
  );
}

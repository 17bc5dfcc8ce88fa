import type { PageContext } from '../layout/page-context';
import type { MessageView } from '../../src/conversations/message-view';
import { MessageMarkers } from './message-markers';
import { DeliveryStatus } from './delivery-status';
import { MessageContent } from './message-content';
import { EventLine } from './kinds/event-line';

/**
 * One timeline entry. Customer messages sit on the start side, ours on the end side (mirrored in Arabic), notes
 * stand out in their own colour, and events are a centred line. `dir="auto"` lets each bubble follow its own script.
 */
export function MessageBubble({ page, conversationId, message }: { page: PageContext; conversationId: string; message: MessageView }) {
  if (message.detail.type === 'event') return <EventLine page={page} message={message} detail={message.detail} />;
  const side = message.kind === 'note' ? 'note' : message.direction === 'in' ? 'incoming' : 'outgoing';
  return (
    <li class={`message ${side}`} id={`message-${message.id}`}>
      <article class="bubble" dir="auto">
        {message.direction === 'out' ? <Author page={page} message={message} /> : ''}
        {message.deleted ? (
          <p class="deleted muted" safe>
            {page.t('inbox.deleted')}
          </p>
        ) : (
          <>
            <MessageMarkers page={page} message={message} />
            <MessageContent page={page} message={message} />
          </>
        )}
        <footer class="bubble-meta">
          {message.edited && !message.deleted ? (
            <span class="muted small" safe>
              {page.t('inbox.marker.edited')}
            </span>
          ) : (
            ''
          )}
          <time class="muted small" datetime={new Date(message.sentAt).toISOString()} safe>
            {page.format.dateTime(message.sentAt)}
          </time>
          {message.direction === 'out' && message.kind !== 'note' ? <DeliveryStatus page={page} conversationId={conversationId} message={message} /> : ''}
        </footer>
      </article>
      {message.reactions.length ? (
        <ul class="reactions" aria-label={page.t('inbox.reactions')}>
          {message.reactions.map((r) => (
            <li class="reaction-chip" safe>
              {r.count > 1 ? `${r.emoji} ${page.format.number(r.count)}` : r.emoji}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {message.canQuote ? (
        <a
          class="reply-link small"
          href={`/conversations/${conversationId}?reply_to=${message.id}#composer`}
          hx-get={`/conversations/${conversationId}/composer?reply_to=${message.id}`}
          hx-target="#composer"
          hx-swap="outerHTML"
          safe
        >
          {page.t('inbox.reply')}
        </a>
      ) : (
        ''
      )}
    </li>
  );
}

/** Who wrote one of our messages: the agent's name, automation, a note's author, or the owner's phone app. */
function Author({ page, message }: { page: PageContext; message: MessageView }) {
  const label = message.fromBusinessApp
    ? page.t('inbox.author.businessApp')
    : message.kind === 'note'
      ? page.t('inbox.author.note', { name: message.authorName ?? '' })
      : message.authorType === 'automation'
        ? message.automationRule
          ? page.t('automation.bubble.author', { rule: page.t(message.automationRule.key, message.automationRule.vars) })
          : page.t('inbox.author.automation')
        : (message.authorName ?? '');
  if (!label) return '';
  return (
    <p class="bubble-author small" safe>
      {label}
    </p>
  );
}

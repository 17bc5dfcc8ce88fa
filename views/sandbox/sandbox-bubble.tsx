import type { PageContext } from '../layout/page-context';
import type { PhoneBubble, Ticks } from '../../src/channel/whatsapp/sandbox/sandbox-thread';
import { CustomerFields, type PhoneView } from './sandbox-phone';

const TICK_MARKS: Record<Ticks, string> = { pending: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

/** One message on the sandbox phone. Every string in it came from a customer or an agent: all escaped. */
export function Bubble({ page, bubble, customer }: { page: PageContext; bubble: PhoneBubble; customer: PhoneView['customer'] }) {
  const mine = bubble.from === 'customer';
  return (
    <article class={`bubble ${mine ? 'bubble-mine' : 'bubble-theirs'}`} data-wamid={bubble.waMessageId}>
      {bubble.quote !== undefined ? (
        <blockquote class="bubble-quote" dir="auto" safe>
          {bubble.quote || '…'}
        </blockquote>
      ) : (
        ''
      )}
      {bubble.header ? (
        <strong class="bubble-header" dir="auto" safe>
          {bubble.header}
        </strong>
      ) : (
        ''
      )}
      <Content page={page} bubble={bubble} />
      {bubble.footer ? (
        <small class="bubble-footer muted" dir="auto" safe>
          {bubble.footer}
        </small>
      ) : (
        ''
      )}
      {bubble.options?.length ? <Options page={page} bubble={bubble} customer={customer} /> : ''}
      <footer class="bubble-meta">
        <time safe>{page.format.dateTime(bubble.at)}</time>
        {bubble.ticks ? (
          <span class={`ticks ticks-${bubble.ticks}`} role="img" aria-label={page.t(`sandbox.ticks.${bubble.ticks}`)} title={page.t(`sandbox.ticks.${bubble.ticks}`)} safe>
            {TICK_MARKS[bubble.ticks]}
          </span>
        ) : (
          ''
        )}
      </footer>
      {bubble.reaction ? (
        <span class="bubble-reaction" safe>
          {bubble.reaction}
        </span>
      ) : (
        ''
      )}
    </article>
  );
}

function Content({ page, bubble }: { page: PageContext; bubble: PhoneBubble }) {
  switch (bubble.kind) {
    case 'image':
      return (
        <>
          {bubble.imageId ? <img class="bubble-image" src={`/sandbox/media/${encodeURIComponent(bubble.imageId)}`} alt={page.t('sandbox.bubble.photo')} width="192" height="192" /> : ''}
          {bubble.text ? (
            <p dir="auto" safe>
              {bubble.text}
            </p>
          ) : (
            ''
          )}
        </>
      );
    case 'location': {
      const at = bubble.location;
      return (
        <p class="bubble-location">
          <span safe>{`📍 ${at?.name ?? bubble.text}`}</span>
          {at ? (
            <>
              <br />
              <span class="muted" dir="auto" safe>
                {at.address}
              </span>
              <br />
              <a href={`https://www.openstreetmap.org/?mlat=${at.latitude}&mlon=${at.longitude}`} rel="noopener noreferrer nofollow" target="_blank" safe>
                {`${at.latitude.toFixed(4)}, ${at.longitude.toFixed(4)}`}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      );
    }
    case 'template':
      return (
        <p dir="auto">
          <span class="badge" safe>
            {page.t('sandbox.bubble.template')}
          </span>{' '}
          <span safe>{bubble.text}</span>
        </p>
      );
    case 'media':
    case 'other':
      return (
        <p class="muted" dir="auto" safe>
          {`📎 ${bubble.text}`}
        </p>
      );
    default:
      return (
        <p dir="auto" safe>
          {bubble.text}
        </p>
      );
  }
}

/** Reply buttons and list rows the business offered: tapping one answers as the customer. */
function Options({ page, bubble, customer }: { page: PageContext; bubble: PhoneBubble; customer: PhoneView['customer'] }) {
  const buttons = (
    <div class="bubble-options">
      {bubble.options!.map((option) => (
        <form method="post" action="/sandbox/send" hx-post="/sandbox/send" hx-target="#sandbox-phone-body">
          <CustomerFields page={page} customer={customer} />
          <input type="hidden" name="action" value="option" />
          <input type="hidden" name="replyTo" value={bubble.waMessageId} />
          <input type="hidden" name="optionId" value={option.id} />
          <button type="submit" class="secondary" dir="auto">
            <span safe>{option.title}</span>
            {option.description ? (
              <small class="muted" safe>
                {option.description}
              </small>
            ) : (
              ''
            )}
          </button>
        </form>
      ))}
    </div>
  );
  if (!bubble.listButton) return buttons;
  return (
    <details class="bubble-list">
      <summary dir="auto" safe>
        {`☰ ${bubble.listButton}`}
      </summary>
      {buttons}
    </details>
  );
}

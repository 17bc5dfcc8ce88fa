import type { PageContext } from '../layout/page-context';
import type { MessageView } from '../../src/conversations/message-view';

/** Above the content: forwarded marker, the click-to-WhatsApp ad that started the chat, the quoted message. */
export function MessageMarkers({ page, message }: { page: PageContext; message: MessageView }) {
  return (
    <>
      {message.forwarded ? (
        <p class="forwarded muted small" safe>
          {page.t(message.forwarded === 'frequently' ? 'inbox.marker.frequentlyForwarded' : 'inbox.marker.forwarded')}
        </p>
      ) : (
        ''
      )}
      {message.referral ? <Referral page={page} referral={message.referral} /> : ''}
      {message.quote ? <Quote page={page} quote={message.quote} /> : ''}
    </>
  );
}

function Referral({ page, referral }: { page: PageContext; referral: NonNullable<MessageView['referral']> }) {
  return (
    <div class="referral">
      <span class="muted small" safe>
        {page.t('inbox.referral.label', { source: referral.sourceType || page.t('inbox.referral.ad') })}
      </span>
      {referral.headline ? (
        <strong dir="auto" safe>
          {referral.headline}
        </strong>
      ) : (
        ''
      )}
      {referral.body ? (
        <span dir="auto" safe>
          {referral.body}
        </span>
      ) : (
        ''
      )}
      {referral.sourceUrl ? (
        <a href={referral.sourceUrl} rel="noopener noreferrer nofollow" target="_blank" safe>
          {page.t('inbox.referral.open')}
        </a>
      ) : (
        ''
      )}
    </div>
  );
}

function Quote({ page, quote }: { page: PageContext; quote: NonNullable<MessageView['quote']> }) {
  const text =
    quote === 'unknown'
      ? page.t('inbox.quote.unknown')
      : quote.deleted
        ? page.t('inbox.deleted')
        : quote.text || page.t(kindKey(quote.kind));
  return (
    <blockquote class="quote" dir="auto" safe>
      {text}
    </blockquote>
  );
}

const KINDS = ['text', 'image', 'sticker', 'video', 'audio', 'voice', 'document', 'location', 'contacts', 'interactive', 'button', 'order', 'template', 'unsupported', 'note'] as const;

/** `inbox.kind.<kind>` for the kinds the catalogue names; anything else reads "a message". */
export function kindKey(kind: string) {
  return (KINDS as readonly string[]).includes(kind) ? (`inbox.kind.${kind as (typeof KINDS)[number]}` as const) : ('inbox.quote.unknown' as const);
}

import type { PageContext } from '../layout/page-context';
import type { MessageView } from '../../src/conversations/message-view';
import { CsrfField } from '../components/form-field';

/**
 * Ticks on our outgoing messages: a clock while queued or sending, ✓ sent, ✓✓ delivered, blue ✓✓ read or played,
 * and a plain explanation (with resend when allowed) when WhatsApp refused it or we lost track of it.
 */
export function DeliveryStatus({ page, conversationId, message }: { page: PageContext; conversationId: string; message: MessageView }) {
  const s = message.status;
  if (s === 'failed' || s === 'unknown') {
    const explanation =
      s === 'unknown'
        ? page.t('whatsapp.delivery.unknownHelp')
        : message.failure?.explanation
          ? page.t(message.failure.explanation.key, message.failure.explanation.vars)
          : message.failure?.title || page.t('inbox.delivery.failed');
    return (
      <div class={`delivery-problem ${s}`} role="note">
        <p>
          <span class="tick failed" aria-hidden="true">
            !
          </span>{' '}
          <strong safe>{s === 'unknown' ? page.t('whatsapp.delivery.unknown') : page.t('inbox.delivery.failed')}</strong>
        </p>
        {s === 'failed' && message.failure?.title && message.failure.explanation ? (
          <p class="muted small" dir="auto" safe>
            {message.failure.title}
          </p>
        ) : (
          ''
        )}
        <p class="small" dir="auto" safe>
          {explanation}
        </p>
        {message.canResend ? (
          <form method="post" action={`/conversations/${conversationId}/messages/${message.id}/resend`}>
            <CsrfField page={page} />
            <button type="submit" class="secondary small-button" safe>
              {page.t('whatsapp.delivery.resend')}
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
    );
  }
  const [symbol, label, tone] =
    s === 'read' || s === 'played'
      ? ['✓✓', page.t(s === 'read' ? 'inbox.delivery.read' : 'inbox.delivery.played'), 'read']
      : s === 'delivered'
        ? ['✓✓', page.t('inbox.delivery.delivered'), '']
        : s === 'sent'
          ? ['✓', page.t('inbox.delivery.sent'), '']
          : ['🕓', page.t('inbox.delivery.queued'), 'pending'];
  return (
    <span class={`tick ${tone}`} title={label} role="img" aria-label={label} safe>
      {symbol}
    </span>
  );
}

import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { PhoneBubble } from '../../src/channel/whatsapp/sandbox/sandbox-thread';
import { CsrfField } from '../components/form-field';
import { Bubble } from './sandbox-bubble';

export interface PhoneView {
  customer: { name: string; phone: string };
  thread: PhoneBubble[];
  /** The composer's text after a refused send, and why it was refused (an i18n key and its values). */
  text?: string;
  error?: { key: string; vars?: Record<string, string | number> };
  /** The reactions the phone offers (the server accepts exactly these). */
  reactions: readonly string[];
}

const customerQuery = (c: PhoneView['customer']) => new URLSearchParams({ name: c.name, phone: c.phone }).toString();

/** The phone's screen: the thread (refreshed every 2 s) and the composer. Swapped whole after each send. */
export function PhoneBody({ page, view }: { page: PageContext; view: PhoneView }) {
  return (
    <>
      <div
        id="sandbox-thread"
        class="phone-thread"
        hx-get={`/sandbox/thread?${customerQuery(view.customer)}`}
        hx-trigger="every 2s"
        hx-swap="innerMorph"
        aria-live="polite"
      >
        <Thread page={page} view={view} />
      </div>
      <Composer page={page} view={view} />
    </>
  );
}

export function Thread({ page, view }: { page: PageContext; view: PhoneView }) {
  if (view.thread.length === 0) {
    return (
      <p class="phone-empty" safe>
        {page.t('sandbox.thread.empty')}
      </p>
    );
  }
  return (
    <>
      {view.thread.map((bubble) => (
        <Bubble page={page} bubble={bubble} customer={view.customer} />
      ))}
    </>
  );
}

/** Hidden fields every customer action carries: who is typing. */
export function CustomerFields({ page, customer }: { page: PageContext; customer: PhoneView['customer'] }) {
  return (
    <>
      <CsrfField page={page} />
      <input type="hidden" name="name" value={customer.name} />
      <input type="hidden" name="phone" value={customer.phone} />
    </>
  );
}

function Composer({ page, view }: { page: PageContext; view: PhoneView }) {
  const send = { 'hx-post': '/sandbox/send', 'hx-target': '#sandbox-phone-body' };
  return (
    <div class="phone-composer">
      {view.error ? (
        <p class="error" role="alert" safe>
          {page.t(view.error.key as MessageKey, view.error.vars)}
        </p>
      ) : (
        ''
      )}
      <div class="phone-extras">
        <form method="post" action="/sandbox/send" {...send}>
          <CustomerFields page={page} customer={view.customer} />
          <button type="submit" name="action" value="location" class="secondary" safe>
            {page.t('sandbox.send.location')}
          </button>
          <button type="submit" name="action" value="image" class="secondary" safe>
            {page.t('sandbox.send.image')}
          </button>
        </form>
        <form method="post" action="/sandbox/send" class="phone-reactions" aria-label={page.t('sandbox.send.reaction')} {...send}>
          <CustomerFields page={page} customer={view.customer} />
          <input type="hidden" name="action" value="reaction" />
          {view.reactions.map((emoji) => (
            <button type="submit" name="emoji" value={emoji} class="secondary" title={page.t('sandbox.send.reaction')} safe>
              {emoji}
            </button>
          ))}
        </form>
      </div>
      <form method="post" action="/sandbox/send" class="phone-input" {...send}>
        <CustomerFields page={page} customer={view.customer} />
        <label for="sandbox-text" class="visually-hidden" safe>
          {page.t('sandbox.send.textLabel')}
        </label>
        <input id="sandbox-text" name="text" type="text" value={view.text ?? ''} dir="auto" autocomplete="off" placeholder={page.t('sandbox.send.placeholder')} />
        <button type="submit" name="action" value="text" safe>
          {page.t('sandbox.send.text')}
        </button>
      </form>
    </div>
  );
}

import type { PageContext } from '../layout/page-context';

/** The webhook fields Rasil reads: `messages` always; the others only matter for numbers shared with the Business app. */
const FIELDS = [
  { name: 'messages', note: 'whatsapp.connect.field.messages' },
  { name: 'smb_message_echoes', note: 'whatsapp.connect.field.coexistence' },
  { name: 'history', note: 'whatsapp.connect.field.coexistence' },
  { name: 'smb_app_state_sync', note: 'whatsapp.connect.field.coexistence' },
] as const;

/** What to paste into Meta's App Dashboard (WhatsApp › Configuration) so webhooks reach this number's inbox. */
export function ConnectPanel({ page, webhookUrl, verifyToken }: { page: PageContext; webhookUrl: string; verifyToken: string }) {
  return (
    <section class="card connect-panel" aria-labelledby="connect-title">
      <h2 id="connect-title" safe>
        {page.t('whatsapp.connect.title')}
      </h2>
      <p class="muted" safe>
        {page.t('whatsapp.connect.intro')}
      </p>
      <CopyRow page={page} id="webhook-url" label={page.t('whatsapp.connect.webhookUrl')} value={webhookUrl} />
      {webhookUrl.startsWith('https://') ? (
        ''
      ) : (
        <p class="hint warn" safe>
          {page.t('whatsapp.connect.httpsNeeded')}
        </p>
      )}
      <CopyRow page={page} id="verify-token" label={page.t('whatsapp.connect.verifyToken')} value={verifyToken} />
      <h3 safe>{page.t('whatsapp.connect.fields')}</h3>
      <ul class="connect-fields">
        {FIELDS.map((field) => (
          <li>
            <code>{field.name}</code> <span class="muted" safe>{page.t(field.note)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CopyRow({ page, id, label, value }: { page: PageContext; id: string; label: string; value: string }) {
  return (
    <div class="field">
      <span class="label" id={`${id}-label`} safe>
        {label}
      </span>
      <div class="copy-row" role="group" aria-labelledby={`${id}-label`}>
        <code id={id} dir="ltr" safe>
          {value}
        </code>
        <button type="button" class="secondary" data-copy={`#${id}`} safe>
          {page.t('settings.copy')}
        </button>
      </div>
    </div>
  );
}

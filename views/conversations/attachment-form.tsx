import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';

export const ATTACHMENT_FORM_ID = 'attachment-form';
export const BUTTONS_FORM_ID = 'buttons-form';
const EMOJI = ['😀', '😊', '🙏', '👍', '👌', '❤️', '🎉', '✅', '⏳', '📦', '🚚', '💳', '📞', '🙂', '😅', '🌹'];

/** Below the reply box while the window is open: a file with a caption, reply buttons, and a few emoji. */
export function ComposerExtras({ page, conversationId }: { page: PageContext; conversationId: string }) {
  return (
    <div class="composer-extras">
      <AttachmentForm page={page} conversationId={conversationId} />
      <ButtonsForm page={page} conversationId={conversationId} />
      <details class="emoji-picker">
        <summary aria-label={page.t('emoji.open')}>😊</summary>
        <div class="emoji-grid">
          {EMOJI.map((emoji) => (
            <button type="button" class="link-button" data-insert-into="composer-text" data-insert={emoji} safe>
              {emoji}
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}

export function AttachmentForm({ page, conversationId, error, caption = '' }: { page: PageContext; conversationId: string; error?: string; caption?: string }) {
  const action = `/conversations/${conversationId}/attachments`;
  return (
    <details id={ATTACHMENT_FORM_ID} class="attachment-form" open={Boolean(error)}>
      <summary safe>{page.t('attach.open')}</summary>
      <form method="post" action={action} enctype="multipart/form-data" hx-post={action} hx-encoding="multipart/form-data" hx-target={`#${ATTACHMENT_FORM_ID}`} hx-swap="outerHTML">
        <CsrfField page={page} />
        {error ? (
          <div class="alert alert-error" role="alert" safe>
            {error}
          </div>
        ) : (
          ''
        )}
        <label for="attachment-file" safe>
          {page.t('attach.file')}
        </label>
        <input id="attachment-file" type="file" name="file" required aria-describedby="attachment-hint" />
        <small id="attachment-hint" class="muted" safe>
          {page.t('attach.hint')}
        </small>
        <label for="attachment-caption" safe>
          {page.t('attach.caption')}
        </label>
        <input id="attachment-caption" name="caption" dir="auto" maxlength="1024" value={caption} />
        <button type="submit" class="secondary" safe>
          {page.t('attach.send')}
        </button>
      </form>
    </details>
  );
}

export function ButtonsForm({ page, conversationId, error, body = '', titles = [] }: { page: PageContext; conversationId: string; error?: string; body?: string; titles?: string[] }) {
  const action = `/conversations/${conversationId}/buttons`;
  return (
    <details id={BUTTONS_FORM_ID} class="buttons-form" open={Boolean(error)}>
      <summary safe>{page.t('buttons.open')}</summary>
      <form method="post" action={action} hx-post={action} hx-target={`#${BUTTONS_FORM_ID}`} hx-swap="outerHTML">
        <CsrfField page={page} />
        {error ? (
          <div class="alert alert-error" role="alert" safe>
            {error}
          </div>
        ) : (
          ''
        )}
        <label for="buttons-body" safe>
          {page.t('buttons.body')}
        </label>
        <textarea id="buttons-body" name="body" rows="2" dir="auto" required safe>
          {body}
        </textarea>
        {[1, 2, 3].map((n) => (
          <>
            <label for={`buttons-title-${n}`} safe>
              {page.t('buttons.button', { n })}
            </label>
            <input id={`buttons-title-${n}`} name="button" dir="auto" maxlength="20" value={titles[n - 1] ?? ''} required={n === 1} />
          </>
        ))}
        <small class="muted" safe>
          {page.t('buttons.hint')}
        </small>
        <button type="submit" class="secondary" safe>
          {page.t('buttons.send')}
        </button>
      </form>
    </details>
  );
}

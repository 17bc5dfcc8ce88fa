import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';
import { MentionPicker } from './mention-picker';

/** A small "internal note" form under the composer: notes stay in Rasil and are never sent to the customer. */
export function NoteForm({ page, conversationId, text = '', error, limit }: { page: PageContext; conversationId: string; text?: string; error?: string; limit?: number }) {
  const action = `/conversations/${conversationId}/notes`;
  const length = [...text].length;
  return (
    <details id="note-form" class="note-form" open={Boolean(error)}>
      <summary safe>{page.t('inbox.note.add')}</summary>
      <form method="post" action={action} hx-post={action} hx-target="#note-form" hx-swap="outerHTML">
        <CsrfField page={page} />
        {error ? (
          <div class="alert alert-error" role="alert" safe>
            {error}
          </div>
        ) : (
          ''
        )}
        <label for="note-text" class="visually-hidden" safe>
          {page.t('inbox.note.label')}
        </label>
        <textarea
          id="note-text"
          name="note"
          rows="2"
          dir="auto"
          required
          data-counter={limit ? 'note-count' : undefined}
          data-limit={limit ? String(limit) : undefined}
          placeholder={page.t('notes.placeholder')}
          safe
        >
          {text}
        </textarea>
        <MentionPicker page={page} conversationId={conversationId} />
        <div class="composer-actions">
          <span class="muted small" safe>
            {page.t('inbox.note.hint')}
          </span>
          {limit ? (
            <span id="note-count" class={`muted small${length > limit ? ' over-limit' : ''}`} aria-live="polite" safe>
              {`${page.format.number(length)} / ${page.format.number(limit)}`}
            </span>
          ) : (
            ''
          )}
          <button type="submit" class="secondary" safe>
            {page.t('inbox.note.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';

/** A small "internal note" form under the composer: notes stay in Rasil and are never sent to the customer. */
export function NoteForm({ page, conversationId, text = '', error }: { page: PageContext; conversationId: string; text?: string; error?: string }) {
  const action = `/conversations/${conversationId}/notes`;
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
        <textarea id="note-text" name="note" rows="2" dir="auto" required placeholder={page.t('inbox.note.placeholder')} safe>
          {text}
        </textarea>
        <div class="composer-actions">
          <span class="muted small" safe>
            {page.t('inbox.note.hint')}
          </span>
          <button type="submit" class="secondary" safe>
            {page.t('inbox.note.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

import type { PageContext } from '../layout/page-context';

/**
 * "Mention a teammate": the list loads when it first shows (opened) (only people who can see this conversation); choosing one
 * inserts an `@[Name](usr_id)` token at the cursor (public/app.js), which the server turns into `@Name`.
 */
export function MentionPicker({ page, conversationId }: { page: PageContext; conversationId: string }) {
  return (
    <details class="mention-picker">
      <summary class="small" safe>
        {page.t('notes.mention.open')}
      </summary>
      <div hx-get={`/conversations/${conversationId}/mentionables`} hx-trigger="intersect once" hx-swap="innerHTML"></div>
    </details>
  );
}

export function MentionList({ page, users }: { page: PageContext; users: { name: string; token: string }[] }) {
  if (users.length === 0)
    return (
      <p class="muted small" safe>
        {page.t('notes.mention.none')}
      </p>
    );
  return (
    <ul class="mention-list">
      {users.map((u) => (
        <li>
          <button type="button" class="link-button" data-insert-into="note-text" data-insert={u.token} dir="auto" safe>
            {`@${u.name}`}
          </button>
        </li>
      ))}
    </ul>
  );
}

import type { PageContext } from '../layout/page-context';

/**
 * Matches for `/…` typed in the composer. Each option carries its text, variables already filled, in an attribute
 * (escaped); public/app.js puts it into the textarea's value, never into HTML.
 */
export function CannedList({ page, items }: { page: PageContext; items: { id: string; shortcut: string; title: string; text: string }[] }) {
  if (items.length === 0)
    return (
      <p id="canned-list" class="canned-suggestions muted small" safe>
        {page.t('canned.noMatch')}
      </p>
    );
  return (
    <ul id="canned-list" class="canned-suggestions" role="listbox" aria-label={page.t('canned.title')}>
      {items.map((item, i) => (
        <li role="option" aria-selected={i === 0 ? 'true' : 'false'} data-insert-into="composer-text" data-replace="1" data-insert={item.text} tabindex="-1">
          <code dir="ltr" safe>{`/${item.shortcut}`}</code> <span dir="auto" safe>{item.title}</span>
        </li>
      ))}
    </ul>
  );
}

/** Where the matches appear while the reply starts with `/` (filled by public/app.js from the URL below). */
export function CannedSlot({ conversationId }: { conversationId: string }) {
  return <div id="canned-slot" class="canned-slot" data-canned-url={`/conversations/${conversationId}/canned`}></div>;
}

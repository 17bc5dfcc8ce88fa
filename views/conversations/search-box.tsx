import type { PageContext } from '../layout/page-context';
import { CONVERSATION_LIST_ID } from './conversation-list.fragment';

/**
 * Searches as you type: htmx re-fetches only the list's rows (with the other filters of the form) 300 ms after the
 * last keystroke, and puts the search in the address bar. Without JavaScript, Enter submits the filter form.
 */
export function SearchBox({ page, q }: { page: PageContext; q: string }) {
  return (
    <div class="field search-box">
      <label for="list-search" class="visually-hidden" safe>
        {page.t('list.search.label')}
      </label>
      <input
        id="list-search"
        type="search"
        name="q"
        value={q}
        dir="auto"
        maxlength="200"
        autocomplete="off"
        placeholder={page.t('list.search.placeholder')}
        hx-get="/conversations"
        hx-trigger="input changed delay:300ms, search"
        hx-include="closest form"
        hx-target={`#${CONVERSATION_LIST_ID}`}
        hx-push-url="true"
      />
    </div>
  );
}

import type { PageContext } from '../layout/page-context';
import type { ContactSidebarView } from '../../src/conversations/contact-sidebar-view';
import type { MessageKey } from '../../src/i18n/translate';
import { CsrfField } from '../components/form-field';

export const SIDEBAR_ID = 'contact-sidebar';
export type SidebarErrors = Partial<Record<'name' | 'tags' | 'attributes' | 'ownerAgentId', true>>;

const ERROR_KEYS: Record<keyof SidebarErrors, MessageKey> = {
  name: 'sidebar.error.name',
  tags: 'sidebar.error.tags',
  attributes: 'sidebar.error.attributes',
  ownerAgentId: 'sidebar.error.owner',
};

/** The team's facts about the contact (editable in place) and their other conversations. */
export function SidebarEditor({ page, view, errors = {}, notice }: { page: PageContext; view: ContactSidebarView; errors?: SidebarErrors; notice?: string }) {
  const action = `/conversations/${view.conversationId}/contact`;
  // Two blank rows to add attributes without any script.
  const rows: [string, string][] = [...view.attributes, ['', ''], ['', '']];
  const invalid = Object.keys(errors).length > 0;
  return (
    <div id={SIDEBAR_ID} class="contact-sidebar">
      {notice ? (
        <p class="notice small" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      {view.tags.length ? (
        <ul class="tag-list">
          {view.tags.map((tag) => (
            <li class="badge" dir="auto" safe>
              {tag}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {view.vip ? (
        <span class="badge vip" safe>
          {page.t('sidebar.vip')}
        </span>
      ) : (
        ''
      )}
      <details class="sidebar-edit" open={invalid}>
        <summary safe>{page.t('sidebar.edit')}</summary>
        <form method="post" action={action} hx-post={action} hx-target={`#${SIDEBAR_ID}`} hx-swap="outerHTML">
          <CsrfField page={page} />
          {(Object.keys(errors) as (keyof SidebarErrors)[]).map((field) => (
            <p class="field-error" role="alert" safe>
              {page.t(ERROR_KEYS[field])}
            </p>
          ))}
          <label for="sidebar-name" safe>
            {page.t('sidebar.name')}
          </label>
          <input id="sidebar-name" name="name" dir="auto" value={view.name} maxlength="100" />
          <label for="sidebar-tags" safe>
            {page.t('sidebar.tags')}
          </label>
          <input id="sidebar-tags" name="tags" dir="auto" value={view.tags.join(', ')} aria-describedby="sidebar-tags-hint" />
          <small id="sidebar-tags-hint" class="muted" safe>
            {page.t('sidebar.tagsHint')}
          </small>
          <fieldset class="attribute-rows">
            <legend safe>{page.t('sidebar.attributes')}</legend>
            {rows.map(([key, value]) => (
              <div class="attribute-row">
                <input name="attr_key" dir="auto" value={key} aria-label={page.t('sidebar.attributeKey')} placeholder={page.t('sidebar.attributeKey')} />
                <input name="attr_value" dir="auto" value={value} aria-label={page.t('sidebar.attributeValue')} placeholder={page.t('sidebar.attributeValue')} />
              </div>
            ))}
          </fieldset>
          <label for="sidebar-owner" safe>
            {page.t('sidebar.owner')}
          </label>
          <select id="sidebar-owner" name="owner">
            <option value="" safe>
              {page.t('sidebar.noOwner')}
            </option>
            {view.agents.map((agent) => (
              <option value={agent.id} selected={agent.id === view.ownerAgentId} safe>
                {agent.name}
              </option>
            ))}
          </select>
          <label class="checkbox">
            <input type="checkbox" name="vip" value="1" checked={view.vip} />
            <span safe>{page.t('sidebar.vip')}</span>
          </label>
          <label class="checkbox">
            <input type="checkbox" name="opted_in" value="1" checked={view.optedIn} />
            <span safe>{page.t('sidebar.optedIn')}</span>
          </label>
          <button type="submit" class="secondary" safe>
            {page.t('sidebar.save')}
          </button>
        </form>
      </details>
      <h3 safe>{page.t('sidebar.history')}</h3>
      {view.history.length ? (
        <ul class="contact-history">
          {view.history.map((h) => (
            <li>
              <a href={`/conversations/${h.id}`} safe>
                {page.format.dateTime(h.lastMessageAt)}
              </a>{' '}
              <span class={`badge status-${h.status}`} safe>
                {page.t(`inbox.status.${h.status}`)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small" safe>
          {page.t('sidebar.noHistory')}
        </p>
      )}
    </div>
  );
}

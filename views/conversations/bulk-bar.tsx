import type { PageContext } from '../layout/page-context';
import type { ListChoices } from '../../src/conversations/list-choices';
import { CsrfField } from '../components/form-field';
import { PRIORITIES } from './list-filters';

export const BULK_FORM_ID = 'bulk-form';

/** Changes for the rows ticked in the list (their checkboxes belong to this form through `form=`). */
export function BulkBar({ page, choices, returnTo }: { page: PageContext; choices: ListChoices; returnTo: string }) {
  return (
    <form id={BULK_FORM_ID} method="post" action="/conversations/bulk" class="bulk-bar" aria-label={page.t('list.bulk.title')}>
      <CsrfField page={page} />
      <input type="hidden" name="return_to" value={returnTo} />
      <strong safe>{page.t('list.bulk.title')}</strong>
      <label>
        <span safe>{page.t('list.bulk.assign')}</span>
        <select name="assignee">
          <option value="" safe>
            {page.t('list.bulk.keep')}
          </option>
          <option value="none" safe>
            {page.t('list.bulk.nobody')}
          </option>
          {choices.agents.map((agent) => (
            <option value={agent.id} safe>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span safe>{page.t('list.bulk.status')}</span>
        <select name="status">
          <option value="" safe>
            {page.t('list.bulk.keep')}
          </option>
          {(['open', 'pending', 'resolved'] as const).map((status) => (
            <option value={status} safe>
              {page.t(`inbox.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span safe>{page.t('list.bulk.label')}</span>
        <select name="label">
          <option value="" safe>
            {page.t('list.bulk.keep')}
          </option>
          {choices.labels.map((label) => (
            <option value={label.id} safe>
              {label.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span safe>{page.t('list.bulk.priority')}</span>
        <select name="priority">
          <option value="" safe>
            {page.t('list.bulk.keep')}
          </option>
          {PRIORITIES.map((p) => (
            <option value={p} safe>
              {page.t(`list.priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary" safe>
        {page.t('list.bulk.apply')}
      </button>
    </form>
  );
}

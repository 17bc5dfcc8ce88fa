import type { PageContext } from '../layout/page-context';
import { CsrfField } from '../components/form-field';
import type { TemplatePickerView } from '../../src/conversations/composer-view';
import { TemplatePreview } from './template-preview.fragment';

/** Outside the 24-hour window: pick an approved template, fill its variables, watch the preview, send. */
export function TemplatePicker({ page, conversationId, view }: { page: PageContext; conversationId: string; view: TemplatePickerView }) {
  const base = `/conversations/${conversationId}`;
  return (
    <div class="template-picker">
      <p class="window-note closed" safe>
        {page.t('inbox.window.closedExplain')}
      </p>
      {view.choices.length === 0 ? (
        <p class="muted" safe>
          {page.t('inbox.template.none')}
        </p>
      ) : (
        <form method="post" action={`${base}/templates`} hx-post={`${base}/templates`} hx-target="#composer" hx-swap="outerHTML">
          <CsrfField page={page} />
          <fieldset id="template-fields" class="template-fields">
            <div class="field">
              <label for="template-choice" safe>
                {page.t('inbox.template.choose')}
              </label>
              <select id="template-choice" name="template" hx-get={`${base}/composer`} hx-trigger="change" hx-target="#composer" hx-swap="outerHTML">
                <option value="" safe>
                  {page.t('inbox.template.placeholder')}
                </option>
                {view.choices.map((choice) => (
                  <option value={choice.id} selected={choice.id === view.selected?.id} safe>
                    {`${choice.name} (${choice.language})`}
                  </option>
                ))}
              </select>
            </div>
            {view.selected?.placeholders.map((name, i) => (
              <div class="field">
                <label for={`template-var-${i}`} safe>
                  {page.t('inbox.template.variable', { name: `{{${name}}}` })}
                </label>
                <input
                  id={`template-var-${i}`}
                  type="text"
                  name={`var_${i}`}
                  dir="auto"
                  value={view.selected?.variables[i] ?? ''}
                  required
                  hx-get={`${base}/template-preview`}
                  hx-trigger="input changed delay:300ms"
                  hx-include="#template-fields"
                  hx-target="#template-preview"
                  hx-swap="outerHTML"
                />
              </div>
            ))}
          </fieldset>
          {view.selected ? (
            <>
              <TemplatePreview page={page} view={view.selected} />
              <button type="submit" safe>
                {page.t('inbox.template.send')}
              </button>
            </>
          ) : (
            ''
          )}
        </form>
      )}
    </div>
  );
}

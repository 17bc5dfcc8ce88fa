import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { LabelColor } from '../../src/conversations/labels.tables';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';

export interface LabelRow {
  id: string;
  name: string;
  color: string;
  uses: number;
}

export interface LabelsPageView {
  labels: LabelRow[];
  colors: readonly LabelColor[];
  /** The add form as typed, with its error when refused. */
  form: { name: string; color: string; error?: string };
  /** The label whose rename was refused, with the error. */
  rowError?: { id: string; error: string };
}

/** /settings/labels: the list with rename and delete per label, and a form to add one. */
export function LabelsPage({ page, view }: { page: PageContext; view: LabelsPageView }) {
  return (
    <SettingsShell page={page} title={page.t('labels.title')}>
      <h1 safe>{page.t('labels.title')}</h1>
      <p class="muted" safe>
        {page.t('labels.intro')}
      </p>
      {view.labels.length === 0 ? (
        <p class="card muted" safe>
          {page.t('labels.empty')}
        </p>
      ) : (
        <ul class="labels-admin card">
          {view.labels.map((label) => (
            <li id={`label-${label.id}`}>
              <form method="post" action={`/settings/labels/${label.id}`} class="inline-form">
                <CsrfField page={page} />
                <label>
                  <span class="visually-hidden" safe>
                    {page.t('labels.name')}
                  </span>
                  <input name="name" value={label.name} dir="auto" required maxlength="40" />
                </label>
                <ColorSelect page={page} colors={view.colors} value={label.color} />
                <span class={`badge label-chip label-${label.color}`} safe>
                  {page.t('labels.used', { count: page.format.number(label.uses) })}
                </span>
                <button type="submit" class="secondary" safe>
                  {page.t('labels.save')}
                </button>
                {view.rowError?.id === label.id ? (
                  <span class="error" safe>
                    {view.rowError.error}
                  </span>
                ) : (
                  ''
                )}
              </form>
              <form method="post" action={`/settings/labels/${label.id}/delete`} class="inline-form">
                <CsrfField page={page} />
                <button type="submit" class="danger" safe>
                  {page.t('labels.delete')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/settings/labels" class="card">
        <CsrfField page={page} />
        <div class="field">
          <label for="label-name" safe>
            {page.t('labels.name')}
          </label>
          <input id="label-name" name="name" value={view.form.name} dir="auto" required maxlength="40" aria-invalid={view.form.error ? 'true' : undefined} />
          {view.form.error ? (
            <span class="error" safe>
              {view.form.error}
            </span>
          ) : (
            ''
          )}
        </div>
        <ColorSelect page={page} colors={view.colors} value={view.form.color} />
        <button type="submit" safe>
          {page.t('labels.create')}
        </button>
      </form>
    </SettingsShell>
  );
}

function ColorSelect({ page, colors, value }: { page: PageContext; colors: readonly LabelColor[]; value: string }) {
  return (
    <label>
      <span safe>{page.t('labels.color')}</span>
      <select name="color">
        {colors.map((color) => (
          <option value={color} selected={color === value} safe>
            {page.t(`labels.color.${color}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { PageContext } from '../layout/page-context';
import { SettingsShell } from '../settings/settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { Notice } from '../settings/notice';
import type { MessageKey } from '../../src/i18n/translate';

/** The form's values as typed (strings, checkboxes as booleans), so a refused form comes back as it was sent. */
export interface CsatSettingsValues {
  enabled: boolean;
  format: string;
  questionEn: string;
  questionAr: string;
  askComment: boolean;
  commentEn: string;
  commentAr: string;
  thanksEn: string;
  thanksAr: string;
  answerMinutes: string;
}

/** /settings/csat: whether and how customers are asked for a rating when their conversation is resolved. */
export function CsatSettingsPage({ page, values, errors = {}, notice }: { page: PageContext; values: CsatSettingsValues; errors?: Record<string, string>; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('csat.settings.title')}>
      <h1 safe>{page.t('csat.settings.title')}</h1>
      <p class="muted" safe>
        {page.t('csat.settings.intro')}
      </p>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action="/settings/csat" class="card" novalidate>
        <CsrfField page={page} />
        <Checkbox page={page} name="enabled" label="csat.settings.enabled" checked={values.enabled} />
        <SelectField
          page={page}
          name="format"
          label="csat.settings.format"
          value={values.format}
          error={errors.format}
          options={[
            { value: 'buttons', label: page.t('csat.settings.format.buttons') },
            { value: 'list', label: page.t('csat.settings.format.list') },
          ]}
        />
        <TextArea page={page} name="questionEn" label="csat.settings.questionEn" value={values.questionEn} error={errors.questionEn} dir="ltr" />
        <TextArea page={page} name="questionAr" label="csat.settings.questionAr" value={values.questionAr} error={errors.questionAr} dir="rtl" />
        <Checkbox page={page} name="askComment" label="csat.settings.askComment" checked={values.askComment} />
        <TextArea page={page} name="commentEn" label="csat.settings.commentEn" value={values.commentEn} error={errors.commentEn} dir="ltr" />
        <TextArea page={page} name="commentAr" label="csat.settings.commentAr" value={values.commentAr} error={errors.commentAr} dir="rtl" />
        <TextArea page={page} name="thanksEn" label="csat.settings.thanksEn" value={values.thanksEn} error={errors.thanksEn} dir="ltr" />
        <TextArea page={page} name="thanksAr" label="csat.settings.thanksAr" value={values.thanksAr} error={errors.thanksAr} dir="rtl" />
        <FormField page={page} name="answerMinutes" type="number" label="csat.settings.answerMinutes" hint="csat.settings.answerMinutes.hint" value={values.answerMinutes} error={errors.answerMinutes} required dir="ltr" />
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
    </SettingsShell>
  );
}

function Checkbox({ page, name, label, checked }: { page: PageContext; name: string; label: MessageKey; checked: boolean }) {
  return (
    <div class="field">
      <label>
        <input type="checkbox" name={name} value="on" checked={checked} /> <span safe>{page.t(label)}</span>
      </label>
    </div>
  );
}

function TextArea({ page, name, label, value, error, dir }: { page: PageContext; name: string; label: MessageKey; value: string; error?: string; dir: 'ltr' | 'rtl' }) {
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <textarea id={id} name={name} rows="2" dir={dir} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} safe>
        {value}
      </textarea>
      {error ? (
        <span id={`${id}-error`} class="error" safe>
          {page.t(error as MessageKey)}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

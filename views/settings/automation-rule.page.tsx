import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { Notice } from './notice';
import { Checkbox, FieldError, PreviewBubble, ReplyTextArea } from './automation-fields';

const VARIANTS = [1, 2, 3, 4, 5];
const BUTTONS = [1, 2, 3];
const MATCH_MODES = ['whole_word', 'contains', 'exact'] as const;

export interface KeywordRulePageProps {
  page: PageContext;
  inboxId: string;
  inboxName: string;
  /** Undefined for a new rule. */
  ruleId?: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}

/** One keyword reply: keywords and match mode, up to 5 reply variants per language, up to 3 buttons, hand-off. */
export function KeywordRulePage({ page, inboxId, inboxName, ruleId, values, errors = {}, notice }: KeywordRulePageProps) {
  const base = `/settings/automation/${encodeURIComponent(inboxId)}`;
  const action = ruleId ? `${base}/rules/${encodeURIComponent(ruleId)}` : `${base}/rules`;
  const title = ruleId ? page.t('automation.ruleForm.editTitle', { name: values.name ?? '' }) : page.t('automation.ruleForm.newTitle');
  const v = (name: string) => values[name] ?? '';
  const firstVariant = (language: 'En' | 'Ar') => VARIANTS.map((n) => v(`reply${n}${language}`).trim()).find(Boolean) ?? '';
  const buttons = (language: 'En' | 'Ar') => BUTTONS.map((n) => v(`button${n}${language}`).trim());
  return (
    <SettingsShell page={page} title={title}>
      <p>
        <a href={base} safe>
          {page.t('automation.ruleForm.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {title}
      </h1>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      <form method="post" action={action} class="card keyword-rule-form" novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="name" label="automation.ruleForm.name" value={v('name')} error={errors.name} required dir="auto" />
        <Checkbox page={page} name="enabled" label="automation.ruleForm.enabled" checked={v('enabled') === 'on'} />
        <fieldset>
          <legend safe>{page.t('automation.ruleForm.scope')}</legend>
          {(['inbox', 'all'] as const).map((scope) => (
            <label class="checkbox">
              <input type="radio" name="scope" value={scope} checked={v('scope') === scope} />
              <span safe>{scope === 'inbox' ? `${page.t('automation.rules.thisInbox')} (${inboxName})` : page.t('automation.rules.allInboxes')}</span>
            </label>
          ))}
          <FieldError page={page} id="field-scope-error" error={errors.scope} />
        </fieldset>
        <div class="field">
          <label for="field-keywords" safe>
            {page.t('automation.ruleForm.keywords')}
          </label>
          <textarea id="field-keywords" name="keywords" rows="3" dir="auto" aria-describedby="field-keywords-hint" aria-invalid={errors.keywords ? 'true' : undefined} safe>
            {v('keywords')}
          </textarea>
          <span id="field-keywords-hint" class="hint" safe>
            {page.t('automation.ruleForm.keywords.hint')}
          </span>
          <FieldError page={page} id="field-keywords-error" error={errors.keywords} />
        </div>
        <SelectField
          page={page}
          name="matchMode"
          label="automation.ruleForm.matchMode"
          options={MATCH_MODES.map((mode) => ({ value: mode, label: page.t(`automation.ruleForm.matchMode.${mode}`) }))}
          value={v('matchMode')}
          error={errors.matchMode}
        />
        <FormField page={page} name="position" type="number" label="automation.ruleForm.position" hint="automation.ruleForm.position.hint" value={v('position')} error={errors.position} dir="ltr" />
        <fieldset>
          <legend safe>{page.t('automation.ruleForm.variants')}</legend>
          <div class="reply-languages">
            <PreviewBubble page={page} id="preview-rule-en" text={firstVariant('En')} buttons={buttons('En')} language="en" />
            <PreviewBubble page={page} id="preview-rule-ar" text={firstVariant('Ar')} buttons={buttons('Ar')} language="ar" />
          </div>
          {VARIANTS.map((n) => (
            <div class="reply-languages">
              {(['En', 'Ar'] as const).map((language) => (
                <ReplyTextArea
                  page={page}
                  name={`reply${n}${language}`}
                  label={`automation.text.${language === 'En' ? 'en' : 'ar'}`}
                  value={v(`reply${n}${language}`)}
                  error={errors[`reply${n}${language}`]}
                  language={language === 'En' ? 'en' : 'ar'}
                  previewId={`preview-rule-${language === 'En' ? 'en' : 'ar'}`}
                />
              ))}
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend safe>{page.t('automation.ruleForm.buttons')}</legend>
          {BUTTONS.map((n) => (
            <div class="reply-languages">
              {(['En', 'Ar'] as const).map((language) => {
                const name = `button${n}${language}`;
                const lang = language === 'En' ? 'en' : 'ar';
                return (
                  <div class="field">
                    <label for={`field-${name}`} safe>
                      {`${page.t('automation.ruleForm.button', { n: page.format.number(n) })} · ${page.t(`automation.text.${lang}`)}`}
                    </label>
                    <input
                      id={`field-${name}`}
                      name={name}
                      type="text"
                      value={v(name)}
                      lang={lang}
                      dir={lang === 'ar' ? 'rtl' : 'ltr'}
                      data-preview-button={`preview-rule-${lang}`}
                      data-index={String(n - 1)}
                      aria-invalid={errors[name] ? 'true' : undefined}
                    />
                    <FieldError page={page} id={`field-${name}-error`} error={errors[name]} />
                  </div>
                );
              })}
            </div>
          ))}
        </fieldset>
        <Checkbox page={page} name="handOver" label="automation.ruleForm.handOver" checked={v('handOver') === 'on'} />
        <button type="submit" safe>
          {page.t('automation.ruleForm.save')}
        </button>
      </form>
      {ruleId ? (
        <form method="post" action={`${action}/delete`} class="card">
          <CsrfField page={page} />
          <button type="submit" class="danger" safe>
            {page.t('automation.ruleForm.delete')}
          </button>
        </form>
      ) : (
        ''
      )}
    </SettingsShell>
  );
}

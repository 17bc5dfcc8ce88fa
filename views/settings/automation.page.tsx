import type { PageContext } from '../layout/page-context';
import type { AutomationPageData } from '../../src/automation/automation-page-view';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';
import { AutomationTabs } from './automation-tabs';
import { Checkbox, PreviewBubble, ReplyTextArea } from './automation-fields';
import { KeywordRuleList } from './automation-rule-list';

export interface AutomationPageProps {
  page: PageContext;
  data: AutomationPageData;
  /** Field errors of the form that was refused: `limit` or `replies`. */
  errors?: { limit?: Record<string, string>; replies?: Record<string, string> };
  notice?: string;
}

/** /settings/automation/:inboxId — the business-wide limit, then this number's welcome, out-of-hours and keyword replies. */
export function AutomationPage({ page, data, errors = {}, notice }: AutomationPageProps) {
  const failed = Boolean(errors.limit || errors.replies);
  return (
    <SettingsShell page={page} title={page.t('automation.title')}>
      <h1 safe>{page.t('automation.title')}</h1>
      <p class="muted" safe>
        {page.t('automation.intro')}
      </p>
      <Notice ok={notice} error={failed ? page.t('common.fixErrors') : undefined} />
      <form method="post" action="/settings/automation/limit" class="card" novalidate>
        <CsrfField page={page} />
        <input type="hidden" name="inbox" value={data.inboxId} />
        <h2 safe>{page.t('automation.limit.title')}</h2>
        <FormField page={page} name="perDay" type="number" label="automation.limit.label" hint="automation.limit.hint" value={data.limit} error={errors.limit?.perDay} dir="ltr" />
        <button type="submit" safe>
          {page.t('common.save')}
        </button>
      </form>
      <AutomationTabs page={page} inboxes={data.inboxes} current={data.inboxId} />
      <RepliesForm page={page} data={data} errors={errors.replies ?? {}} />
      <KeywordRuleList page={page} inboxId={data.inboxId} rules={data.rules} />
    </SettingsShell>
  );
}

function RepliesForm({ page, data, errors }: { page: PageContext; data: AutomationPageData; errors: Record<string, string> }) {
  const v = data.replies;
  return (
    <form method="post" action={`/settings/automation/${encodeURIComponent(data.inboxId)}/replies`} class="card auto-replies-form" novalidate>
      <CsrfField page={page} />
      <h2 safe>{page.t('automation.replies.title')}</h2>
      <fieldset>
        <legend safe>{page.t('automation.welcome.title')}</legend>
        <Checkbox page={page} name="welcomeEnabled" label="automation.welcome.enabled" checked={v.welcomeEnabled === 'on'} />
        <div class="reply-languages">
          {(['en', 'ar'] as const).map((language) => {
            const name = language === 'en' ? 'welcomeEn' : 'welcomeAr';
            return (
              <div>
                <ReplyTextArea page={page} name={name} label={`automation.text.${language}`} value={v[name]} error={errors[name]} language={language} previewId={`preview-${name}`} />
                <PreviewBubble page={page} id={`preview-${name}`} text={data.previews[name]} language={language} />
              </div>
            );
          })}
        </div>
        <FormField
          page={page}
          name="welcomeAfterDays"
          type="number"
          label="automation.welcome.afterDays"
          hint="automation.welcome.afterDays.hint"
          value={v.welcomeAfterDays}
          error={errors.welcomeAfterDays}
          dir="ltr"
        />
      </fieldset>
      <fieldset>
        <legend safe>{page.t('automation.outOfHours.title')}</legend>
        {data.hasCalendar ? (
          ''
        ) : (
          <p class="alert auto-warning" safe>
            {page.t('automation.outOfHours.noCalendar')}
          </p>
        )}
        <Checkbox page={page} name="outOfHoursEnabled" label="automation.outOfHours.enabled" checked={v.outOfHoursEnabled === 'on'} />
        <p class="hint" safe>
          {page.t('automation.outOfHours.openingHint', { opening: '{opening}' })}
        </p>
        <div class="reply-languages">
          {(['en', 'ar'] as const).map((language) => {
            const name = language === 'en' ? 'outOfHoursEn' : 'outOfHoursAr';
            const opening = data.openingSample[language];
            return (
              <div>
                <ReplyTextArea page={page} name={name} label={`automation.text.${language}`} value={v[name]} error={errors[name]} language={language} previewId={`preview-${name}`} opening={opening} />
                <PreviewBubble page={page} id={`preview-${name}`} text={data.previews[name]} language={language} />
              </div>
            );
          })}
        </div>
        <FormField
          page={page}
          name="outOfHoursEveryHours"
          type="number"
          label="automation.outOfHours.everyHours"
          hint="automation.outOfHours.everyHours.hint"
          value={v.outOfHoursEveryHours}
          error={errors.outOfHoursEveryHours}
          dir="ltr"
        />
      </fieldset>
      <button type="submit" safe>
        {page.t('common.save')}
      </button>
    </form>
  );
}

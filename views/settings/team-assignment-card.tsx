import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { FieldErrors } from '../../src/platform/http/form-errors';
import type { TeamPolicyForm } from '../../src/teams/team-policy.schemas';
import type { NoticeField, NoticePreview } from '../../src/teams/team-policy-form';
import { CsrfField, FormField } from '../components/form-field';

export interface AssignmentCardView {
  action: string;
  previewAction: string;
  form: TeamPolicyForm;
  errors?: FieldErrors;
  calendars: { id: string; name: string }[];
  previews: Record<NoticeField, NoticePreview>;
}

const STRATEGIES = ['round_robin', 'least_open', 'manual'] as const;

function Checkbox({ page, name, label, checked, hint }: { page: PageContext; name: string; label: MessageKey; checked: boolean; hint?: MessageKey }) {
  return (
    <div class="field field-check">
      <label>
        <input type="checkbox" name={name} checked={checked} /> <span safe>{page.t(label)}</span>
      </label>
      {hint ? (
        <span class="hint" safe>
          {page.t(hint)}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

/** The count line and bubble under a notice text; also the htmx fragment re-rendered as the text is typed. */
export function NoticePreviewBody({ page, preview }: { page: PageContext; preview: NoticePreview }) {
  const level = preview.count > preview.max ? 'over' : preview.count > preview.warnAt ? 'warn' : '';
  const key: MessageKey = level === 'over' ? 'routingPolicy.notice.countOver' : level === 'warn' ? 'routingPolicy.notice.countWarn' : 'routingPolicy.notice.count';
  return (
    <>
      <p class={`notice-count ${level}`.trim()} aria-live="polite" safe>
        {page.t(key, { count: page.format.number(preview.count), max: page.format.number(preview.max) })}
      </p>
      <div class="notice-preview-bubble" dir={preview.dir}>
        <span class="visually-hidden" safe>
          {page.t('routingPolicy.notice.preview')}
        </span>
        <p class="bubble-text" safe>
          {preview.text || page.t('routingPolicy.notice.previewEmpty')}
        </p>
      </div>
    </>
  );
}

function NoticeTextField({ page, view, field, label }: { page: PageContext; view: AssignmentCardView; field: NoticeField; label: MessageKey }) {
  const id = `field-${field}`;
  const error = view.errors?.[field];
  const preview = view.previews[field];
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <textarea
        id={id}
        name={field}
        rows="3"
        dir={preview.dir}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`preview-${field}${error ? ` ${id}-error` : ''}`}
        hx-post={`${view.previewAction}?field=${field}`}
        hx-trigger="input changed delay:250ms"
        hx-target={`#preview-${field}`}
        hx-swap="innerHTML"
        safe
      >
        {view.form[field]}
      </textarea>
      {error ? (
        <span id={`${id}-error`} class="error" safe>
          {page.t(error as MessageKey)}
        </span>
      ) : (
        ''
      )}
      <div id={`preview-${field}`} class="notice-preview">
        <NoticePreviewBody page={page} preview={preview} />
      </div>
    </div>
  );
}

function NoticeEditor({ page, view, kind }: { page: PageContext; view: AssignmentCardView; kind: 'assigned' | 'queued' }) {
  return (
    <fieldset class="notice-editor">
      <legend safe>{page.t(`routingPolicy.notice.${kind}`)}</legend>
      <Checkbox page={page} name={`${kind}Enabled`} label="routingPolicy.notice.enabled" checked={view.form[`${kind}Enabled`] === 'on'} />
      <p class="hint" safe>
        {page.t(`routingPolicy.notice.variables.${kind}`)}
      </p>
      <NoticeTextField page={page} view={view} field={`${kind}En`} label="routingPolicy.notice.en" />
      <NoticeTextField page={page} view={view} field={`${kind}Ar`} label="routingPolicy.notice.ar" />
    </fieldset>
  );
}

/** The team page's Assignment card: strategy, options, working hours and the customer notices, saved together. */
export function TeamAssignmentCard({ page, view }: { page: PageContext; view: AssignmentCardView }) {
  const errors = view.errors ?? {};
  return (
    <section class="card" id="assignment" aria-labelledby="assignment-title">
      <h2 id="assignment-title" safe>
        {page.t('routingPolicy.card.title')}
      </h2>
      <p class="hint" safe>
        {page.t('routingPolicy.card.intro')}
      </p>
      <form method="post" action={view.action} novalidate>
        <CsrfField page={page} />
        <fieldset class="strategy-options">
          <legend safe>{page.t('routingPolicy.strategy.legend')}</legend>
          {STRATEGIES.map((strategy) => (
            <label class="strategy-option">
              <input type="radio" name="strategy" value={strategy} checked={view.form.strategy === strategy} />
              <span>
                <strong safe>{page.t(`routingPolicy.strategy.${strategy}`)}</strong>
                <span class="hint" safe>
                  {page.t(`routingPolicy.strategy.${strategy}.hint`)}
                </span>
              </span>
            </label>
          ))}
          {errors.strategy ? (
            <span class="error" safe>
              {page.t(errors.strategy as MessageKey)}
            </span>
          ) : (
            ''
          )}
        </fieldset>
        <Checkbox page={page} name="onlyOnline" label="routingPolicy.onlyOnline" hint="routingPolicy.onlyOnline.hint" checked={view.form.onlyOnline === 'on'} />
        <FormField page={page} name="defaultCapacity" type="number" label="routingPolicy.defaultCapacity" hint="routingPolicy.defaultCapacity.hint" value={view.form.defaultCapacity} error={errors.defaultCapacity} />
        <Checkbox page={page} name="stickyEnabled" label="routingPolicy.sticky" checked={view.form.stickyEnabled === 'on'} />
        <FormField page={page} name="stickyDays" type="number" label="routingPolicy.stickyDays" value={view.form.stickyDays} error={errors.stickyDays} />
        <Checkbox page={page} name="vipToOwner" label="routingPolicy.vipToOwner" checked={view.form.vipToOwner === 'on'} />
        <div class="field">
          <label for="field-calendarId" safe>
            {page.t('routingPolicy.calendar')}
          </label>
          <select id="field-calendarId" name="calendarId" aria-invalid={errors.calendarId ? 'true' : undefined}>
            <option value="" selected={view.form.calendarId === ''} safe>
              {page.t('routingPolicy.calendar.none')}
            </option>
            {view.calendars.map((calendar) => (
              <option value={calendar.id} selected={calendar.id === view.form.calendarId} safe>
                {calendar.name}
              </option>
            ))}
          </select>
          {errors.calendarId ? (
            <span class="error" safe>
              {page.t(errors.calendarId as MessageKey)}
            </span>
          ) : (
            ''
          )}
        </div>
        <h3 safe>{page.t('routingPolicy.notices.title')}</h3>
        <p class="hint" safe>
          {page.t('routingPolicy.notices.intro')}
        </p>
        <p class="hint" safe>
          {page.t('routingPolicy.notice.language')}
        </p>
        <NoticeEditor page={page} view={view} kind="assigned" />
        <NoticeEditor page={page} view={view} kind="queued" />
        <button type="submit" safe>
          {page.t('routingPolicy.save')}
        </button>
      </form>
    </section>
  );
}

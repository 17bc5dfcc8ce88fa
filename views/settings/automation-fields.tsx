import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';

/** Mirrors src/automation/keyword-rule.ts (views import types only). */
export const TEXT_LIMIT = 256;
export const TEXT_SOFT_LIMIT = 150;

const length = (text: string) => [...text].length;

export function FieldError({ page, id, error }: { page: PageContext; id: string; error?: string }) {
  return error ? (
    <span id={id} class="error" role="alert" safe>
      {page.t(error as MessageKey)}
    </span>
  ) : (
    ''
  );
}

export function Checkbox({ page, name, label, checked }: { page: PageContext; name: string; label: MessageKey; checked: boolean }) {
  return (
    <label class="checkbox">
      <input type="checkbox" name={name} value="on" checked={checked} />
      <span safe>{page.t(label)}</span>
    </label>
  );
}

/**
 * An automatic message's text in one language, with a live character count (warning past 150, refused past 256 by
 * the server) and the WhatsApp bubble it becomes. public/app.js updates both as the admin types.
 */
export function ReplyTextArea({
  page,
  name,
  label,
  value,
  error,
  language,
  previewId,
  opening,
}: {
  page: PageContext;
  name: string;
  label: MessageKey;
  value: string;
  error?: string;
  language: 'en' | 'ar';
  previewId?: string;
  /** For out-of-hours texts: the next-opening sentence the preview puts in. */
  opening?: string;
}) {
  const id = `field-${name}`;
  const count = length(value);
  const counterClass = ['reply-counter', 'small', count > TEXT_LIMIT ? 'over-limit' : count > TEXT_SOFT_LIMIT ? 'near-limit' : ''].filter(Boolean).join(' ');
  return (
    <div class="field reply-field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <textarea
        id={id}
        name={name}
        rows="3"
        lang={language}
        dir={language === 'ar' ? 'rtl' : 'ltr'}
        data-counter={`${id}-count`}
        data-limit={String(TEXT_LIMIT)}
        data-soft-limit={String(TEXT_SOFT_LIMIT)}
        data-preview={previewId}
        data-opening={opening}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-count ${id}-hint${error ? ` ${id}-error` : ''}`}
        safe
      >
        {value}
      </textarea>
      <output id={`${id}-count`} class={counterClass} for={id} safe>
        {page.t('automation.text.counter', { n: page.format.number(count), max: page.format.number(TEXT_LIMIT) })}
      </output>
      <span id={`${id}-hint`} class="hint" safe>
        {page.t('automation.text.hint')}
      </span>
      <FieldError page={page} id={`${id}-error`} error={error} />
    </div>
  );
}

/** The customer's view of one automatic message: a WhatsApp bubble with its reply buttons. Everything escaped. */
export function PreviewBubble({ page, id, text, buttons = [], language }: { page: PageContext; id: string; text: string; buttons?: string[]; language: 'en' | 'ar' }) {
  const slots = [0, 1, 2].map((i) => buttons[i] ?? '');
  return (
    <figure class="auto-preview" id={id} data-empty={page.t('automation.preview.empty')} lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
      <figcaption class="muted small" safe>
        {`${page.t('automation.preview.title')} · ${page.t(language === 'ar' ? 'automation.text.ar' : 'automation.text.en')}`}
      </figcaption>
      <div class="auto-preview-bubble" aria-live="polite">
        <p class={text ? 'auto-preview-text' : 'auto-preview-text muted'} dir="auto" safe>
          {text || page.t('automation.preview.empty')}
        </p>
        <ul class="auto-preview-buttons">
          {slots.map((title) => (
            <li hidden={!title} dir="auto" safe>
              {title}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

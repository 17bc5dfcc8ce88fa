import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';

export interface Choice {
  id: string;
  name: string;
}

/** Names as select options (SelectField shows labels as given: these are names, not catalogue keys). */
export const choices = (items: readonly Choice[]) => items.map((item) => ({ value: item.id, label: item.name }));

export function FieldError({ page, error }: { page: PageContext; error?: MessageKey }) {
  return error ? (
    <span class="error" role="alert" safe>
      {page.t(error)}
    </span>
  ) : (
    ''
  );
}

/** A labelled multi-line field (word lists, greetings, answers), with its hint and error. */
export function BotTextArea({
  page,
  name,
  label,
  hint,
  value,
  error,
  rows = 2,
}: {
  page: PageContext;
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  value: string;
  error?: string;
  rows?: number;
}) {
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <textarea
        id={id}
        name={name}
        rows={String(rows)}
        dir="auto"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        safe
      >
        {value}
      </textarea>
      {hint ? (
        <span id={`${id}-hint`} class="hint" safe>
          {page.t(hint)}
        </span>
      ) : (
        ''
      )}
      <FieldError page={page} error={error as MessageKey | undefined} />
    </div>
  );
}

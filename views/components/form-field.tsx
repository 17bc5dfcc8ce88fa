import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';

interface FieldProps {
  page: PageContext;
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password' | 'number' | 'search';
  value?: string;
  /** Message key of the field's error, if any (from toFieldErrors). */
  error?: string;
  hint?: MessageKey;
  required?: boolean;
  autocomplete?: string;
  dir?: 'auto' | 'ltr';
}

/** A labelled input with its hint and error wired up for screen readers. */
export function FormField({ page, name, label, type = 'text', value, error, hint, required, autocomplete, dir }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        dir={dir}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <span id={`${id}-hint`} class="hint" safe>
          {page.t(hint)}
        </span>
      ) : (
        ''
      )}
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

/** A <select> with translated option labels. */
export function SelectField({
  page,
  name,
  label,
  options,
  value,
  error,
}: {
  page: PageContext;
  name: string;
  label: MessageKey;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value} safe>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <span class="error" safe>
          {page.t(error as MessageKey)}
        </span>
      ) : (
        ''
      )}
    </div>
  );
}

export const CsrfField = ({ page }: { page: PageContext }) => <input type="hidden" name="_csrf" value={page.csrfToken} />;

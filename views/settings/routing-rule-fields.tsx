import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';

/** The routing rule form's fields: labelled, with hint and error beside them, values as typed. */

type Option = { id: string; name: string };

export function FieldError({ page, error, id }: { page: PageContext; error?: string; id?: string }) {
  return error ? (
    <span id={id} class="error" safe>
      {page.t(error as MessageKey)}
    </span>
  ) : (
    ''
  );
}

export function TextField(props: { page: PageContext; name: string; label: MessageKey; value: string; error?: string; hint?: MessageKey; maxlength?: number; dir?: 'ltr' | 'auto' }) {
  const { page, name, label, value, error, hint } = props;
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <input id={id} type="text" name={name} value={value} dir={props.dir ?? 'auto'} maxlength={props.maxlength} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {hint ? (
        <span class="hint" safe>
          {page.t(hint)}
        </span>
      ) : (
        ''
      )}
      <FieldError page={page} error={error} id={`${id}-error`} />
    </div>
  );
}

/** A select whose options are [value, message key] or [value, '', plain name]. */
export function Choice(props: { page: PageContext; name: string; label: MessageKey; value: string; error?: string; hint?: MessageKey; options: ([string, string] | [string, string, string])[] }) {
  const { page, name, label, value, error, hint } = props;
  const id = `field-${name}`;
  return (
    <div class="field">
      <label for={id} safe>
        {page.t(label)}
      </label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined}>
        {props.options.map(([optionValue, key, plain]) => (
          <option value={optionValue} selected={optionValue === value} safe>
            {plain ?? page.t(key as MessageKey)}
          </option>
        ))}
      </select>
      {hint ? (
        <span class="hint" safe>
          {page.t(hint)}
        </span>
      ) : (
        ''
      )}
      <FieldError page={page} error={error} />
    </div>
  );
}

export function Checkboxes(props: { page: PageContext; name: string; label: MessageKey; hint?: MessageKey; options: Option[]; checked: string[]; error?: string }) {
  const { page, name } = props;
  return (
    <fieldset class="field">
      <legend safe>{page.t(props.label)}</legend>
      {props.hint ? (
        <p class="hint" safe>
          {page.t(props.hint)}
        </p>
      ) : (
        ''
      )}
      {props.options.map((option) => (
        <label class="checkbox">
          <input type="checkbox" name={name} value={option.id} checked={props.checked.includes(option.id)} /> <span safe>{option.name}</span>
        </label>
      ))}
      <FieldError page={page} error={props.error} />
    </fieldset>
  );
}

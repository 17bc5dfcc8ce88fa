import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { SelectField } from './form-field';

/** Language picker: each language named in itself, so a person can always find theirs. */
export function LocaleSelect({ page, name, label, value, error }: { page: PageContext; name: string; label: MessageKey; value?: string; error?: string }) {
  return (
    <SelectField
      page={page}
      name={name}
      label={label}
      value={value}
      error={error}
      options={[
        { value: 'en', label: 'English' },
        { value: 'ar', label: 'العربية' },
      ]}
    />
  );
}

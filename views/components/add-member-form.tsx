import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import { CsrfField } from './form-field';

export interface MemberCandidate {
  id: string;
  name: string;
  email: string;
}

/** "Add a member" for teams and inboxes: a select of the people not yet in, or a note that everyone is. */
export function AddMemberForm({
  page,
  action,
  candidates,
  error,
  labels,
}: {
  page: PageContext;
  action: string;
  candidates: MemberCandidate[];
  error?: string;
  labels: { add: MessageKey; allIn: MessageKey };
}) {
  if (candidates.length === 0) {
    return (
      <p class="muted" safe>
        {page.t(labels.allIn)}
      </p>
    );
  }
  return (
    <form method="post" action={action} class="inline-form add-member">
      <CsrfField page={page} />
      <label for="field-userId" safe>
        {page.t('field.member')}
      </label>
      <select id="field-userId" name="userId" aria-invalid={error ? 'true' : undefined}>
        {candidates.map((user) => (
          <option value={user.id} safe>{`${user.name} (${user.email})`}</option>
        ))}
      </select>
      <button type="submit" safe>
        {page.t(labels.add)}
      </button>
      {error ? (
        <span class="error" safe>
          {page.t(error as MessageKey)}
        </span>
      ) : (
        ''
      )}
    </form>
  );
}

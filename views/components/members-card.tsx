import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';
import type { Role } from '../../src/accounts/accounts.tables';
import { CsrfField } from './form-field';

export interface MemberCandidate {
  id: string;
  name: string;
  email: string;
}

export interface MembersCardLabels {
  empty: MessageKey;
  remove: MessageKey;
  add: MessageKey;
  allIn: MessageKey;
}

/**
 * Members of a team or an inbox: each with a remove button, then a select of the people not yet in.
 * `base` is the owner's settings path; removals post to `${base}/members/:id/remove`, additions to `${base}/members`.
 */
export function MembersCard({
  page,
  base,
  members,
  candidates,
  error,
  labels,
}: {
  page: PageContext;
  base: string;
  members: (MemberCandidate & { role: Role })[];
  candidates: MemberCandidate[];
  error?: string;
  labels: MembersCardLabels;
}) {
  return (
    <div class="card">
      {members.length === 0 ? (
        <p class="muted" safe>
          {page.t(labels.empty)}
        </p>
      ) : (
        <ul class="plain-list">
          {members.map((member) => (
            <li>
              <span>
                <span safe>{member.name}</span> <span class="muted" safe>{page.t(`role.${member.role}`)}</span>
              </span>
              <form method="post" action={`${base}/members/${member.id}/remove`}>
                <CsrfField page={page} />
                <button type="submit" class="secondary" safe>
                  {page.t(labels.remove)}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <AddMemberForm page={page} action={`${base}/members`} candidates={candidates} error={error} labels={labels} />
    </div>
  );
}

function AddMemberForm({ page, action, candidates, error, labels }: { page: PageContext; action: string; candidates: MemberCandidate[]; error?: string; labels: MembersCardLabels }) {
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

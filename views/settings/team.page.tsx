import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import type { MessageKey } from '../../src/i18n/translate';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';
import { TeamFields, type TeamForm } from './teams.page';

export interface TeamView {
  team: { id: string; name: string };
  form: TeamForm;
  members: { id: string; name: string; email: string; role: Role }[];
  /** Active people not yet in the team. */
  candidates: { id: string; name: string; email: string }[];
  canDelete: boolean;
  memberError?: string;
  notice?: string;
}

/** One team: its name and description, its members, and (for admins) deleting it. */
export function TeamPage({ page, view }: { page: PageContext; view: TeamView }) {
  const base = `/settings/teams/${view.team.id}`;
  return (
    <SettingsShell page={page} title={view.team.name}>
      <p>
        <a href="/settings/teams" safe>
          {page.t('teams.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {view.team.name}
      </h1>
      <Notice ok={view.notice} error={view.form.errors && Object.keys(view.form.errors).length ? page.t('common.fixErrors') : undefined} />
      <h2 safe>{page.t('teams.edit.title')}</h2>
      <TeamFields page={page} action={base} form={view.form} submit={page.t('common.save')} />
      <h2 safe>{page.t('teams.members.title')}</h2>
      <div class="card">
        {view.members.length === 0 ? (
          <p class="muted" safe>
            {page.t('teams.members.empty')}
          </p>
        ) : (
          <ul class="plain-list">
            {view.members.map((member) => (
              <li>
                <span>
                  <span safe>{member.name}</span> <span class="muted" safe>{page.t(`role.${member.role}`)}</span>
                </span>
                <form method="post" action={`${base}/members/${member.id}/remove`}>
                  <CsrfField page={page} />
                  <button type="submit" class="secondary" safe>
                    {page.t('teams.members.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <AddMember page={page} action={`${base}/members`} candidates={view.candidates} error={view.memberError} />
      </div>
      {view.canDelete ? (
        <form method="post" action={`${base}/delete`} hx-confirm={page.t('teams.delete.confirm', { name: view.team.name })}>
          <CsrfField page={page} />
          <button type="submit" class="danger" safe>
            {page.t('common.delete')}
          </button>
        </form>
      ) : (
        ''
      )}
    </SettingsShell>
  );
}

function AddMember({ page, action, candidates, error }: { page: PageContext; action: string; candidates: TeamView['candidates']; error?: string }) {
  if (candidates.length === 0) {
    return (
      <p class="muted" safe>
        {page.t('teams.members.allIn')}
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
        {page.t('teams.members.add')}
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

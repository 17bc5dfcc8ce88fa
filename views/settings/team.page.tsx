import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import { SettingsShell } from './settings-shell';
import { MembersCard } from '../components/members-card';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';
import { TeamFields, type TeamForm } from './teams.page';
import { TeamAssignmentCard, type AssignmentCardView } from './team-assignment-card';

export interface TeamView {
  team: { id: string; name: string };
  form: TeamForm;
  members: { id: string; name: string; email: string; role: Role }[];
  /** Active people not yet in the team. */
  candidates: { id: string; name: string; email: string }[];
  canDelete: boolean;
  assignment: AssignmentCardView;
  memberError?: string;
  notice?: string;
}

const hasErrors = (errors: Record<string, string> | undefined) => Boolean(errors && Object.keys(errors).length);

/** One team: its name and description, its members, how it assigns conversations, and (for admins) deleting it. */
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
      <Notice ok={view.notice} error={hasErrors(view.form.errors) || hasErrors(view.assignment.errors) ? page.t('common.fixErrors') : undefined} />
      <h2 safe>{page.t('teams.edit.title')}</h2>
      <TeamFields page={page} action={base} form={view.form} submit={page.t('common.save')} />
      <h2 safe>{page.t('teams.members.title')}</h2>
      <MembersCard
        page={page}
        base={base}
        members={view.members}
        candidates={view.candidates}
        error={view.memberError}
        labels={{ empty: 'teams.members.empty', remove: 'teams.members.remove', add: 'teams.members.add', allIn: 'teams.members.allIn' }}
      />
      <TeamAssignmentCard page={page} view={view.assignment} />
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

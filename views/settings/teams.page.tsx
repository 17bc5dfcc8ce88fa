import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';

export interface TeamSummary {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  /** Whether the viewer may open and change this team. */
  manageable: boolean;
}

export interface TeamForm {
  name: string;
  description: string;
  errors?: Record<string, string>;
}

/** Every team with its member count, and the form for a new one. */
export function TeamsPage({ page, teams, form, notice }: { page: PageContext; teams: TeamSummary[]; form: TeamForm; notice?: string }) {
  const errors = form.errors ?? {};
  return (
    <SettingsShell page={page} title={page.t('teams.title')}>
      <h1 safe>{page.t('teams.title')}</h1>
      <p class="muted" safe>
        {page.t('teams.intro')}
      </p>
      <Notice ok={notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      {teams.length === 0 ? (
        <p class="card muted" safe>
          {page.t('teams.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('teams.col.name')}</th>
                <th safe>{page.t('teams.col.description')}</th>
                <th safe>{page.t('teams.col.members')}</th>
                <th safe>{page.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr>
                  <td dir="auto" safe>
                    {team.name}
                  </td>
                  <td class="muted" dir="auto" safe>
                    {team.description}
                  </td>
                  <td safe>{page.format.number(team.memberCount)}</td>
                  <td>
                    {team.manageable ? (
                      <a href={`/settings/teams/${team.id}`} safe>
                        {page.t('teams.manage')}
                      </a>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 safe>{page.t('teams.create.title')}</h2>
      <TeamFields page={page} action="/settings/teams" form={form} submit={page.t('common.create')} />
    </SettingsShell>
  );
}

/** Name and description, shared by the create and edit forms. */
export function TeamFields({ page, action, form, submit }: { page: PageContext; action: string; form: TeamForm; submit: string }) {
  const errors = form.errors ?? {};
  return (
    <form method="post" action={action} class="card" novalidate>
      <CsrfField page={page} />
      <FormField page={page} name="name" label="field.teamName" value={form.name} error={errors.name} required dir="auto" />
      <FormField page={page} name="description" label="field.description" value={form.description} error={errors.description} dir="auto" />
      <button type="submit" safe>
        {submit}
      </button>
    </form>
  );
}

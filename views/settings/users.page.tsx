import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';
import { InvitePanel, type InviteForm, type PendingInvite } from './invite-panel';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabledAt: number | null;
  createdAt: number;
}

export interface UsersView {
  users: UserRow[];
  invites: PendingInvite[];
  roles: readonly Role[];
  invite: InviteForm;
  notice?: string;
  problem?: string;
}

/** Everyone who can sign in, with role and status controls, and invitations for new people. */
export function UsersPage({ page, view }: { page: PageContext; view: UsersView }) {
  return (
    <SettingsShell page={page} title={page.t('users.title')}>
      <h1 safe>{page.t('users.title')}</h1>
      <p class="muted" safe>
        {page.t('users.intro')}
      </p>
      <Notice ok={view.notice} error={view.problem} />
      <div class="table-wrap card">
        <table>
          <thead>
            <tr>
              <th safe>{page.t('users.col.name')}</th>
              <th safe>{page.t('users.col.email')}</th>
              <th safe>{page.t('users.col.role')}</th>
              <th safe>{page.t('users.col.status')}</th>
              <th safe>{page.t('users.col.created')}</th>
            </tr>
          </thead>
          <tbody>
            {view.users.map((user) => (
              <UserRowView page={page} user={user} roles={view.roles} />
            ))}
          </tbody>
        </table>
      </div>
      <InvitePanel page={page} form={view.invite} invites={view.invites} roles={view.roles} />
    </SettingsShell>
  );
}

function UserRowView({ page, user, roles }: { page: PageContext; user: UserRow; roles: readonly Role[] }) {
  const isMe = page.user?.id === user.id;
  const disabled = user.disabledAt !== null;
  return (
    <tr>
      <td>
        <span safe>{user.name}</span> {isMe ? <span class="muted" safe>{page.t('users.you')}</span> : ''}
      </td>
      <td dir="ltr" safe>
        {user.email}
      </td>
      <td>
        <form method="post" action={`/settings/users/${user.id}/role`} class="inline-form">
          <CsrfField page={page} />
          <select name="role" aria-label={page.t('users.roleOf', { name: user.name })}>
            {roles.map((role) => (
              <option value={role} selected={role === user.role} safe>
                {page.t(`role.${role}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary" safe>
            {page.t('users.changeRole')}
          </button>
        </form>
      </td>
      <td>
        <div class="inline-form">
          <span class={disabled ? 'badge off' : 'badge ok'} safe>
            {page.t(disabled ? 'users.status.disabled' : 'users.status.active')}
          </span>
          {isMe ? '' : <StatusToggle page={page} user={user} disabled={disabled} />}
        </div>
      </td>
      <td safe>{page.format.date(user.createdAt)}</td>
    </tr>
  );
}

function StatusToggle({ page, user, disabled }: { page: PageContext; user: UserRow; disabled: boolean }) {
  return (
    <form
      method="post"
      action={`/settings/users/${user.id}/${disabled ? 'enable' : 'disable'}`}
      hx-confirm={disabled ? undefined : page.t('users.disable.confirm', { name: user.name })}
    >
      <CsrfField page={page} />
      <button type="submit" class={disabled ? 'secondary' : 'danger'} safe>
        {page.t(disabled ? 'users.enable' : 'users.disable')}
      </button>
    </form>
  );
}

import type { PageContext } from '../layout/page-context';
import type { Role } from '../../src/accounts/accounts.tables';
import { CsrfField, FormField, SelectField } from '../components/form-field';
import { ShownOnce } from './shown-once';

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  expiresAt: number;
}

export interface InviteForm {
  email: string;
  role: string;
  errors?: Record<string, string>;
  /** Present only in the response that created the invitation: the link is never shown again. */
  created?: { email: string; link: string };
}

/** The invitation form, the link just created, and the invitations not yet used. */
export function InvitePanel({ page, form, invites, roles }: { page: PageContext; form: InviteForm; invites: PendingInvite[]; roles: readonly Role[] }) {
  const errors = form.errors ?? {};
  return (
    <>
      <h2 id="invite" safe>
        {page.t('users.invite.title')}
      </h2>
      {form.created ? (
        <ShownOnce
          page={page}
          id="invite-link"
          label={page.t('users.invite.link')}
          message={page.t('users.invite.created', { email: form.created.email })}
          secret={form.created.link}
        />
      ) : (
        ''
      )}
      <form method="post" action="/settings/users/invite" class="card" novalidate>
        <p class="muted" safe>
          {page.t('users.invite.intro')}
        </p>
        <CsrfField page={page} />
        <FormField page={page} name="email" label="field.email" type="email" value={form.email} error={errors.email} required dir="ltr" />
        <SelectField
          page={page}
          name="role"
          label="field.role"
          value={form.role}
          error={errors.role}
          options={roles.map((role) => ({ value: role, label: page.t(`role.${role}`) }))}
        />
        <button type="submit" safe>
          {page.t('users.invite.submit')}
        </button>
      </form>
      <h2 safe>{page.t('users.pending.title')}</h2>
      {invites.length === 0 ? (
        <p class="muted" safe>
          {page.t('users.pending.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('users.col.email')}</th>
                <th safe>{page.t('users.col.role')}</th>
                <th safe>{page.t('users.pending.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr>
                  <td dir="ltr" safe>
                    {invite.email}
                  </td>
                  <td safe>{page.t(`role.${invite.role}`)}</td>
                  <td safe>{page.format.dateTime(invite.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';

export interface InboxAccessSummary {
  id: string;
  name: string;
  memberCount: number;
  privateMode: boolean;
}

/** Every inbox with its member count and whether it is private. */
export function InboxesPage({ page, inboxes }: { page: PageContext; inboxes: InboxAccessSummary[] }) {
  return (
    <SettingsShell page={page} title={page.t('inboxAccess.title')}>
      <h1 safe>{page.t('inboxAccess.title')}</h1>
      <p class="muted" safe>
        {page.t('inboxAccess.intro')}
      </p>
      {inboxes.length === 0 ? (
        <p class="card muted" safe>
          {page.t('inboxAccess.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('inboxAccess.col.name')}</th>
                <th safe>{page.t('inboxAccess.col.members')}</th>
                <th safe>{page.t('inboxAccess.col.privacy')}</th>
                <th safe>{page.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {inboxes.map((inbox) => (
                <tr>
                  <td dir="auto" safe>
                    {inbox.name}
                  </td>
                  <td safe>{inbox.memberCount === 0 ? page.t('inboxAccess.openToAll') : page.format.number(inbox.memberCount)}</td>
                  <td safe>{page.t(inbox.privateMode ? 'inboxAccess.private' : 'inboxAccess.shared')}</td>
                  <td>
                    <a href={`/settings/inboxes/${inbox.id}`} safe>
                      {page.t('inboxAccess.manage')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsShell>
  );
}

import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField } from '../components/form-field';
import { Notice } from './notice';

export interface BackupsView {
  files: { name: string; bytes: number; modifiedAt: number }[];
  keep: number;
  notice?: string;
  problem?: string;
}

/**
 * The backup files on this machine, each downloadable, and a button for a copy right now. Download links carry
 * `download`, which also keeps htmx's boost from fetching the file into the page.
 */
export function BackupsPage({ page, view }: { page: PageContext; view: BackupsView }) {
  return (
    <SettingsShell page={page} title={page.t('backups.title')}>
      <h1 safe>{page.t('backups.title')}</h1>
      <p class="muted" safe>
        {page.t('backups.intro', { keep: view.keep })}
      </p>
      <Notice ok={view.notice} error={view.problem} />
      <form method="post" action="/settings/backups" class="actions">
        <CsrfField page={page} />
        <button type="submit" safe>
          {page.t('backups.now')}
        </button>
      </form>
      <p class="muted" safe>
        {page.t('backups.warning')}
      </p>
      {view.files.length === 0 ? (
        <p class="card muted" safe>
          {page.t('backups.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('backups.col.name')}</th>
                <th safe>{page.t('backups.col.size')}</th>
                <th safe>{page.t('backups.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {view.files.map((file) => (
                <tr>
                  <td dir="ltr">
                    <a href={`/settings/backups/${file.name}`} download={file.name} safe>
                      {file.name}
                    </a>
                  </td>
                  <td safe>{page.format.bytes(file.bytes)}</td>
                  <td safe>{page.format.dateTime(file.modifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsShell>
  );
}

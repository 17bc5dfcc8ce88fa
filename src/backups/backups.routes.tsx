import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { viewerActor } from '../accounts/request-actor';
import { isAppError } from '../platform/errors';
import type { MessageKey } from '../i18n/translate';
import { BACKUP_NAME, listBackupFiles } from './backup-files';
import { backupsDir } from './backup-paths';
import { createBackupExistsError } from './backups.errors';
import { createManualBackup } from './create-manual-backup';
import { openBackupDownload } from './download-backup';
import { BackupsPage, type BackupsView } from '../../views/settings/backups.page';
import { renderError } from '../../views/errors/render-error';

const PAGE = '/settings/backups';

/** /settings/backups: the list, "Back up now", and audited downloads. Admins only. */
export function backupsRoutes(deps: AppDeps) {
  const dir = backupsDir(deps.config);
  const view = (extra: Partial<BackupsView> = {}): BackupsView => ({ files: listBackupFiles(dir), keep: deps.config.backupKeep, ...extra });

  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, query }) => {
        // The name comes back through the redirect; only a real backup name is echoed.
        const created = query.created && BACKUP_NAME.test(query.created) ? query.created : undefined;
        return <BackupsPage page={page} view={view({ notice: created ? page.t('backups.created', { name: created }) : undefined })} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      PAGE,
      ({ page, set, viewer, clientIp, request, redirect }) => {
        try {
          const { name } = createManualBackup({ dir }, viewerActor(viewer!, clientIp, request), deps);
          return redirect(`${PAGE}?created=${encodeURIComponent(name)}`, 303);
        } catch (error) {
          if (!isAppError(error) || error.code !== createBackupExistsError().code) throw error;
          set.status = 409;
          return <BackupsPage page={page} view={view({ problem: page.t(error.messageKey as MessageKey) })} />;
        }
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:name`,
      ({ page, params, set, viewer, clientIp, request }) => {
        const file = openBackupDownload({ dir, name: params.name }, viewerActor(viewer!, clientIp, request), deps);
        if (!file) {
          set.status = 404;
          return renderError(request.headers, page, 'notFound');
        }
        set.headers['content-type'] = 'application/octet-stream';
        set.headers['content-disposition'] = `attachment; filename="${params.name}"`;
        return Bun.file(file.path);
      },
      { access: ADMIN_ONLY },
    );
}

import type { AppDeps } from './deps';
import type { JobDefinition } from './platform/scheduler';
import { dataPaths } from './database';
import { runScheduledBackup } from './backups/run-scheduled-backup';
import { purgeExpiredSessions } from './accounts/sessions';
import { purgeStaleThrottles } from './accounts/login-throttle';
import { getBusinessSettings } from './settings/business-settings';

/** Every scheduled job, in one list. Job bodies call use cases with the injected clock; no SQL here. */
export function jobDefinitions(deps: AppDeps): JobDefinition[] {
  const { timeZone } = getBusinessSettings(deps.db);
  return [
    {
      name: 'daily-backup',
      pattern: '0 30 3 * * *',
      timezone: timeZone,
      run: () => {
        runScheduledBackup({
          sqlite: deps.sqlite,
          backupsDir: dataPaths(deps.config).backups,
          keep: deps.config.backupKeep,
          now: deps.clock.now(),
          logger: deps.logger.child({ job: 'daily-backup' }),
        });
      },
    },
    {
      name: 'purge-expired-sessions',
      pattern: '0 7 * * * *',
      run: () => {
        const now = deps.clock.now();
        purgeExpiredSessions(deps.db, now);
        purgeStaleThrottles(deps.db, now);
      },
    },
  ];
}

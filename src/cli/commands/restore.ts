import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseKnownArgs } from '../args';
import { CONFIG_FLAGS, configFromArgs, configHelp } from '../config-from-args';
import { runningServerPid } from '../pid-file';
import { dataPaths } from '../../database';
import { systemClock } from '../../platform/clock';
import { listBackupFiles } from '../../backups/backup-files';
import { restoreDatabase, RestoreRefusedError } from '../../backups/restore-database';
import { rejectExtraArguments } from './flag-values';
import { formatCheck } from './database-report';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the database with a backup (stop the server first)',
  help: `Usage: rasil restore FILE [options]

Checks that FILE is a sound Rasil database this version can run, then puts it in place of rasil.db.
The database it replaces is kept in backups/ as rasil-pre-restore-<time>.db. The server must be
stopped first (for example: sudo systemctl stop rasil). Files in media/ are not changed.

Options:
${configHelp()}`,
  async run(io) {
    const { positionals, flags } = parseKnownArgs(io.argv, CONFIG_FLAGS);
    const [file, ...extra] = positionals;
    rejectExtraArguments(extra, 'restore');
    const config = configFromArgs(flags, io.env);
    const paths = dataPaths(config);
    if (!file) throw new UsageError(`Say which backup to restore: rasil restore FILE.${recentBackupsHint(paths.backups)}`);

    // A fresh machine has no data folder yet; restoring onto it is how a move to a new server works.
    mkdirSync(config.dataDir, { recursive: true });
    const sourcePath = resolve(file);
    let result;
    try {
      result = restoreDatabase({ sourcePath, databasePath: paths.database, backupsDir: paths.backups, now: systemClock.now(), serverPid: runningServerPid(paths.pidFile) });
    } catch (error) {
      if (error instanceof RestoreRefusedError) throw new UsageError(`${error.message} Nothing was changed.`);
      throw error;
    }
    io.stdout(
      [
        `Restored ${sourcePath} into ${paths.database}.`,
        result.previousCopy ? `The database it replaced is kept as ${result.previousCopy}.` : 'There was no database before, so nothing was replaced.',
        formatCheck(result.check).trimEnd(),
        'Files in media/ were not changed. Start Rasil again (for example: sudo systemctl start rasil);',
        'a backup from an older version has its schema updated when Rasil starts.',
        '',
      ].join('\n'),
    );
    return 0;
  },
};

function recentBackupsHint(backupsDir: string): string {
  const recent = listBackupFiles(backupsDir).slice(0, 5);
  if (recent.length === 0) return '';
  return ` The newest backups in ${backupsDir}:\n${recent.map((f) => `  ${f.name}`).join('\n')}`;
}

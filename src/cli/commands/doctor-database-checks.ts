import { statSync } from 'node:fs';
import { schemaStatus } from '../../platform/db/migrate';
import { formatBytes } from './database-report';
import type { DoctorCheck } from './doctor-check';

const RESTORE_ADVICE = 'Restore the newest good backup with `rasil restore FILE` (backups/ holds the daily ones).';

export const databaseFileCheck: DoctorCheck = {
  name: 'Database file',
  run: ({ paths, sqlite, databaseProblem }) =>
    sqlite
      ? { status: 'ok', summary: `Database ${paths.database} opens (${formatBytes(statSync(paths.database).size)})` }
      : { status: 'fail', summary: databaseProblem ?? `Database ${paths.database} cannot be opened` },
};

export const integrityCheck: DoctorCheck = {
  name: 'Integrity',
  needsDatabase: true,
  run: ({ sqlite }) => {
    const rows = sqlite!.query('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const lines = rows.map((r) => r.integrity_check);
    if (lines.length === 1 && lines[0] === 'ok') return { status: 'ok', summary: 'Database integrity check passed' };
    return { status: 'fail', summary: 'Database integrity check found damage', details: lines.slice(0, 10), advice: RESTORE_ADVICE };
  },
};

export const schemaCheck: DoctorCheck = {
  name: 'Schema',
  needsDatabase: true,
  run: ({ sqlite }) => {
    const status = schemaStatus(sqlite!);
    if (status.newerThanBinary) {
      return { status: 'fail', summary: 'Database schema is newer than this Rasil binary knows', advice: 'Upgrade Rasil; an older version must not run on this data.' };
    }
    if (status.pending.length > 0) {
      return {
        status: 'fail',
        summary: `Database schema is behind: ${status.pending.length} of ${status.known} migrations not applied (${status.pending.join(', ')})`,
        advice: 'Run `rasil migrate` (it backs up the database first), or restart the server, which does the same.',
      };
    }
    return { status: 'ok', summary: `Database schema is up to date (${status.applied} of ${status.known} migrations, latest ${status.latestTag})` };
  },
};

export const foreignKeyCheck: DoctorCheck = {
  name: 'References',
  needsDatabase: true,
  run: ({ sqlite }) => {
    const rows = sqlite!.query('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
    if (rows.length === 0) return { status: 'ok', summary: 'No broken references between tables' };
    const details = rows.slice(0, 10).map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`);
    return { status: 'fail', summary: `${rows.length} broken reference${rows.length > 1 ? 's' : ''} between tables`, details, advice: RESTORE_ADVICE };
  },
};

export const journalModeCheck: DoctorCheck = {
  name: 'Journal mode',
  needsDatabase: true,
  run: ({ sqlite }) => {
    const mode = (sqlite!.query('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode;
    if (mode === 'wal') return { status: 'ok', summary: 'Journal mode is WAL' };
    return {
      status: 'fail',
      summary: `Journal mode is ${mode}, not WAL`,
      advice: 'Rasil switches to WAL when it starts; if this persists, keep the data folder on a local disk (network shares cannot do WAL).',
    };
  },
};

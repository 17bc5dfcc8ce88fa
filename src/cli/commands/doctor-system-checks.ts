import { existsSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configOptions, type ConfigKey } from '../../config';
import { runningServerPid } from '../pid-file';
import { formatBytes } from './database-report';
import type { DoctorCheck } from './doctor-check';

const MB = 1024 * 1024;
const DISK_FAIL_BELOW = 100 * MB;
const DISK_WARN_BELOW = 1024 * MB;

/** Options whose values must never be printed; matched by name so a future secret is covered without a list to update. */
const SECRET_OPTION = /secret|token|password|key$/i;

export const configCheck: DoctorCheck = {
  name: 'Configuration',
  run: ({ config }) => ({
    status: 'ok',
    summary: 'Configuration is valid',
    details: Object.entries(configOptions).map(([key, option]) => {
      const value = String(config[key as ConfigKey]);
      return `${option.env.padEnd(22)} ${SECRET_OPTION.test(key) && value ? '(set, hidden)' : value || '(not set)'}`;
    }),
  }),
};

export const dataDirCheck: DoctorCheck = {
  name: 'Data folder',
  run: ({ config }) => {
    if (!existsSync(config.dataDir)) {
      return { status: 'fail', summary: `Data folder ${config.dataDir} does not exist`, advice: 'Check --data-dir (or RASIL_DATA_DIR); `rasil serve` creates the folder on first start.' };
    }
    const probe = join(config.dataDir, `.doctor-write-test-${process.pid}`);
    try {
      writeFileSync(probe, 'ok');
      return { status: 'ok', summary: `Data folder ${config.dataDir} is writable` };
    } catch (error) {
      return {
        status: 'fail',
        summary: `Data folder ${config.dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        advice: 'Give the user that runs Rasil write access to it, for example: sudo chown -R rasil: ' + config.dataDir,
      };
    } finally {
      rmSync(probe, { force: true });
    }
  },
};

export const diskSpaceCheck: DoctorCheck = {
  name: 'Disk space',
  run: ({ config }) => {
    if (!existsSync(config.dataDir)) return { status: 'fail', summary: 'Free disk space unknown: the data folder does not exist' };
    const stats = statfsSync(config.dataDir);
    const free = stats.bavail * stats.bsize;
    const summary = `${formatBytes(free)} free on the disk holding the data folder`;
    if (free < DISK_FAIL_BELOW) return { status: 'fail', summary, advice: 'Free space now: SQLite cannot write or back up on a full disk. Old files in backups/ are a good start.' };
    if (free < DISK_WARN_BELOW) return { status: 'warn', summary, advice: 'Less than 1 GB left; free some space or grow the disk before it fills up.' };
    return { status: 'ok', summary };
  },
};

export const serverCheck: DoctorCheck = {
  name: 'Server',
  run: ({ paths }) => {
    const pid = runningServerPid(paths.pidFile);
    return { status: 'ok', summary: pid ? `A Rasil server (pid ${pid}) is running on this data folder` : 'No Rasil server is running on this data folder' };
  },
};

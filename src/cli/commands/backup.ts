import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseKnownArgs } from '../args';
import { CONFIG_FLAGS, configFromArgs, configHelp } from '../config-from-args';
import { openDatabase } from '../../platform/db/client';
import { backupDatabase } from '../../platform/db/backup';
import { systemClock } from '../../platform/clock';
import { backupFileName } from '../../backups/backup-files';
import { requireExistingDatabase } from './existing-database';
import { rejectExtraArguments } from './flag-values';
import { formatCheck } from './database-report';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a verified copy of the database (safe while the server runs)',
  help: `Usage: rasil backup [FILE] [options]

Copies rasil.db to FILE while Rasil keeps running, checks the copy's integrity and prints its row counts.
Without FILE the copy goes into the data folder's backups/ as rasil-manual-<time>.db. An existing file
is never overwritten. Files in media/ are not part of the copy; back that folder up separately.

Options:
${configHelp()}`,
  async run(io) {
    const { positionals, flags } = parseKnownArgs(io.argv, CONFIG_FLAGS);
    const [file, ...extra] = positionals;
    rejectExtraArguments(extra, 'backup');
    const paths = requireExistingDatabase(configFromArgs(flags, io.env));

    if (!file) mkdirSync(paths.backups, { recursive: true });
    const target = file ? resolve(file) : join(paths.backups, backupFileName('manual', systemClock.now()));
    if (existsSync(target)) {
      throw new UsageError(statSync(target).isDirectory() ? `${target} is a folder; give a file name inside it.` : `${target} already exists; choose a new file name.`);
    }
    const folder = dirname(target);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`The folder ${folder} does not exist; create it first or choose another place.`);

    // Opened directly, not through openDeps: a backup must never migrate the database it copies.
    const handle = openDatabase(paths.database);
    try {
      const check = backupDatabase(handle.sqlite, target);
      io.stdout(`Backup written to ${target}.\n${formatCheck(check)}`);
      return 0;
    } finally {
      handle.close();
    }
  },
};

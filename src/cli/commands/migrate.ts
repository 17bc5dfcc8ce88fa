import type { Command } from '../command';
import { parseKnownArgs } from '../args';
import { CONFIG_FLAGS, configFromArgs, configHelp } from '../config-from-args';
import { openDeps } from '../open-deps';
import { schemaStatus } from '../../platform/db/migrate';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (serve does this too)',
  help: `Usage: rasil migrate [options]\n\nBacks up rasil.db, then applies any pending schema changes.\n${configHelp()}`,
  async run(io) {
    const { flags } = parseKnownArgs(io.argv, CONFIG_FLAGS);
    const deps = openDeps(configFromArgs(flags, io.env), { logLevel: 'warn' });
    try {
      const status = schemaStatus(deps.sqlite);
      io.stdout(`Database schema is up to date (${status.applied} of ${status.known} migrations, latest ${status.latestTag}).\n`);
      return 0;
    } finally {
      deps.close();
    }
  },
};

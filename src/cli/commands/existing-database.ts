import { existsSync } from 'node:fs';
import type { Config } from '../../config';
import { dataPaths } from '../../database';
import { UsageError } from '../command';

/**
 * The data folder's paths, refusing when rasil.db is missing: commands that read the database must not
 * quietly create an empty one (a wrong --data-dir would otherwise look like a wiped install).
 */
export function requireExistingDatabase(config: Pick<Config, 'dataDir'>) {
  const paths = dataPaths(config);
  if (!existsSync(paths.database)) throw new UsageError(missingDatabaseSentence(paths.database));
  return paths;
}

export const missingDatabaseSentence = (path: string) =>
  `There is no database at ${path}. Check --data-dir (or RASIL_DATA_DIR); \`rasil serve\` or \`rasil migrate\` creates a new one.`;

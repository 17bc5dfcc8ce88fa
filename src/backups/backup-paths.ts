import { join } from 'node:path';
import type { Config } from '../config';

/** The folder holding every backup (nightly, manual, before migrations and restores): <data dir>/backups. */
export const backupsDir = (config: Pick<Config, 'dataDir'>): string => join(config.dataDir, 'backups');

import type { Database } from 'bun:sqlite';
import type { Config } from '../../config';
import type { dataPaths } from '../../database';
import type { Db } from '../../platform/db/client';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  /** One line saying what was found, e.g. "Data folder /var/lib/rasil is writable". */
  summary: string;
  /** Indented lines shown under the summary (values, offending rows). */
  details?: string[];
  /** What to do about a warning or failure, as one sentence. */
  advice?: string;
}

export interface DoctorContext {
  config: Config;
  paths: ReturnType<typeof dataPaths>;
  /** Open connection to rasil.db; undefined when the file is missing or unreadable. */
  sqlite?: Database;
  db?: Db;
  /** Why `sqlite` is undefined, as a sentence. */
  databaseProblem?: string;
}

export interface DoctorCheck {
  name: string;
  /** Checks that read the database are skipped, not failed, when there is none: the database check says why. */
  needsDatabase?: boolean;
  run(context: DoctorContext): CheckResult | Promise<CheckResult>;
}

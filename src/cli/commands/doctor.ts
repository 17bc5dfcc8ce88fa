import { Database } from 'bun:sqlite';
import { existsSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseKnownArgs } from '../args';
import { CONFIG_FLAGS, configFromArgs, configHelp } from '../config-from-args';
import { dataPaths } from '../../database';
import { VERSION } from '../../version';
import type { CheckResult, CheckStatus, DoctorCheck, DoctorContext } from './doctor-check';
import { configCheck, dataDirCheck, diskSpaceCheck, serverCheck } from './doctor-system-checks';
import { databaseFileCheck, foreignKeyCheck, integrityCheck, journalModeCheck, schemaCheck } from './doctor-database-checks';
import { missingDatabaseSentence } from './existing-database';
import { whatsappTokenCheck } from './doctor-channel-checks';
import { rejectExtraArguments } from './flag-values';

/** Run in this order; add new checks (e.g. the WhatsApp token) to this list. */
export const doctorChecks: DoctorCheck[] = [
  configCheck,
  dataDirCheck,
  databaseFileCheck,
  integrityCheck,
  schemaCheck,
  foreignKeyCheck,
  journalModeCheck,
  diskSpaceCheck,
  serverCheck,
  whatsappTokenCheck,
];

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗' };

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the configuration, data folder and database for problems',
  help: `Usage: rasil doctor [options]

Prints a checklist: configuration, data folder, database integrity, schema version, references between
tables, journal mode, free disk space and whether a server is running. Exits with 1 if any check fails.
Changes nothing: it neither creates nor migrates the database.

Options:
${configHelp()}`,
  async run(io) {
    const { positionals, flags } = parseKnownArgs(io.argv, CONFIG_FLAGS);
    rejectExtraArguments(positionals, 'doctor');
    let config;
    try {
      config = configFromArgs(flags, io.env);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stdout(`${MARK.fail} Configuration is not valid\n${indent(error.message.split('\n'))}\n1 check failed.\n`);
      return 1;
    }

    const paths = dataPaths(config);
    const context: DoctorContext = { config, paths, ...openForInspection(paths.database) };
    io.stdout(`Rasil ${VERSION} doctor, data folder ${config.dataDir}\n\n`);
    let failed = 0;
    let warned = 0;
    try {
      for (const check of doctorChecks) {
        if (check.needsDatabase && !context.sqlite) {
          io.stdout(`- ${check.name}: not checked (no database)\n`);
          continue;
        }
        const result = await runCheck(check, context);
        if (result.status === 'fail') failed++;
        if (result.status === 'warn') warned++;
        io.stdout(formatResult(result));
      }
    } finally {
      context.sqlite?.close();
    }
    const warnings = warned ? ` ${warned} warning${warned > 1 ? 's' : ''}.` : '';
    io.stdout(failed ? `\n${failed} check${failed > 1 ? 's' : ''} failed.${warnings}\n` : `\nAll checks passed.${warnings}\n`);
    return failed ? 1 : 0;
  },
};

/**
 * Opens rasil.db as it is: never created (a missing file is itself the finding) and the journal mode left
 * untouched, so the journal check sees what the server last left behind.
 */
function openForInspection(path: string): Pick<DoctorContext, 'sqlite' | 'db' | 'databaseProblem'> {
  if (!existsSync(path)) return { databaseProblem: missingDatabaseSentence(path) };
  let sqlite: Database | undefined;
  try {
    sqlite = new Database(path, { readwrite: true, create: false, strict: true });
    sqlite.run('PRAGMA busy_timeout = 5000');
    sqlite.query('SELECT count(*) FROM sqlite_master').get();
    return { sqlite, db: drizzle({ client: sqlite }) };
  } catch (error) {
    sqlite?.close();
    return { databaseProblem: `Database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** A check that crashes is reported as failed with its error; the other checks still run. */
async function runCheck(check: DoctorCheck, context: DoctorContext): Promise<CheckResult> {
  try {
    return await check.run(context);
  } catch (error) {
    return { status: 'fail', summary: `${check.name}: could not check (${error instanceof Error ? error.message : String(error)})` };
  }
}

function formatResult({ status, summary, details = [], advice }: CheckResult): string {
  const lines = [`${MARK[status]} ${summary}`];
  if (details.length) lines.push(indent(details));
  if (advice) lines.push(indent([`→ ${advice}`]));
  return lines.join('\n') + '\n';
}

const indent = (lines: string[]) => lines.map((l) => `    ${l}`).join('\n');

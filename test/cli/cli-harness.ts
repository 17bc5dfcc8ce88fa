import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { openDatabase, type DbHandle } from '../../src/platform/db/client';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `rasil …` in-process with captured output and, when given, `stdin` as standard input. */
export async function rasil(argv: string[], { stdin = '', env = {} }: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    env,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

export const TEST_PASSWORD = 'correct horse battery';

/** A fresh, empty data folder; `run` adds --data-dir to every command. */
export function tempDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'rasil-cli-'));
  return {
    dir,
    database: join(dir, 'rasil.db'),
    backups: join(dir, 'backups'),
    run: (argv: string[], options?: { stdin?: string }) => rasil([...argv, '--data-dir', dir], options),
    addUser: (email: string, role = 'admin') =>
      rasil(['user', 'add', '--email', email, '--name', email.split('@')[0]!, '--role', role, '--password-stdin', '--data-dir', dir], { stdin: `${TEST_PASSWORD}\n` }),
    /** Opens the data folder's database for assertions; close it before the next command that replaces the file. */
    open: (): DbHandle => openDatabase(join(dir, 'rasil.db')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type TempDataDir = ReturnType<typeof tempDataDir>;

/** Runs `read` against the data folder's database and closes it again. */
export function withDatabase<T>(data: TempDataDir, read: (handle: DbHandle) => T): T {
  const handle = data.open();
  try {
    return read(handle);
  } finally {
    handle.close();
  }
}

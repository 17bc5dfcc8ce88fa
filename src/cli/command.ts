/** What a subcommand gets: its arguments and where to write. Commands return an exit code instead of exiting. */
export interface CommandIo {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(io: CommandIo): Promise<number>;
}

/** Thrown for problems the user can fix; the CLI prints the sentence and exits 1 without a stack trace. */
export class UsageError extends Error {}

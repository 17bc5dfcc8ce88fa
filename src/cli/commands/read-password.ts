import type { CommandIo } from '../command';
import { UsageError } from '../command';

/**
 * Passwords come only through standard input: an option would show in `ps` output and shell history.
 * One trailing newline (from echo or printf '%s\n') is not part of the password.
 */
export async function readPasswordFromStdin(flags: Record<string, string | true>, io: CommandIo, usage: string): Promise<string> {
  if (flags['password-stdin'] !== true || flags.password !== undefined) {
    throw new UsageError(
      [
        'The password is read from standard input (never from an option, which others could see in the process list). Pipe it in with --password-stdin, for example:',
        `  read -rs PASSWORD && printf '%s\\n' "$PASSWORD" | ${usage} --password-stdin`,
      ].join('\n'),
    );
  }
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('Standard input was empty; pipe the password into the command (see --help).');
  return password;
}

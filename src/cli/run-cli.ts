import { ZodError } from 'zod';
import type { CommandIo } from './command';
import { UsageError } from './command';
import { commands } from './commands';

const overview = () =>
  [
    'Rasil: a WhatsApp team inbox in one file.',
    '',
    'Usage: rasil <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `rasil <command> --help` for the options of one command.',
    '',
  ].join('\n');

/** Dispatches to a subcommand and turns user mistakes into one clear sentence and exit code 1. */
export async function runCli(io: CommandIo): Promise<number> {
  const [name, ...rest] = io.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Run \`rasil --help\` to see the commands.\n`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help + '\n');
    return 0;
  }
  try {
    return await command.run({ ...io, argv: rest });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message.endsWith('\n') ? error.message : error.message + '\n');
      return 1;
    }
    if (error instanceof ZodError) {
      io.stderr(error.issues.map((i) => i.message).join('\n') + '\n');
      return 1;
    }
    io.stderr(`rasil ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

import type { Command } from './command';
import { serveCommand } from './commands/serve';
import { migrateCommand } from './commands/migrate';
import { versionCommand } from './commands/version';

/** Every subcommand, in the order `rasil --help` lists them. */
export const commands: Command[] = [serveCommand, migrateCommand, versionCommand];

import type { Command } from './command';
import { serveCommand } from './commands/serve';
import { migrateCommand } from './commands/migrate';
import { versionCommand } from './commands/version';
import { doctorCommand } from './commands/doctor';
import { userCommand } from './commands/user';
import { tokenCommand } from './commands/token';
import { backupCommand } from './commands/backup';
import { restoreCommand } from './commands/restore';
import { channelCommand } from './commands/channel';

/** Every subcommand, in the order `rasil --help` lists them. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  doctorCommand,
  userCommand,
  tokenCommand,
  channelCommand,
  backupCommand,
  restoreCommand,
  versionCommand,
];

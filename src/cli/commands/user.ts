import type { Command } from '../command';
import { configHelp } from '../config-from-args';
import { runSubcommand } from './subcommands';
import { userAdd } from './user-add';
import { userPasswd } from './user-passwd';
import { userList } from './user-list';
import { userDisable, userEnable } from './user-access';

export const userCommand: Command = {
  name: 'user',
  summary: 'Add users, reset passwords, list, disable or enable them',
  help: `Usage:
  rasil user add --email <email> --name <name> --role <role> --password-stdin
  rasil user passwd --email <email> --password-stdin
  rasil user list [--json]
  rasil user disable --email <email>
  rasil user enable --email <email>

add       Creates a user. Roles: admin, supervisor, agent, analyst.
passwd    Sets a new password and signs the user out everywhere.
list      Shows every user with role and status (--json for scripts).
disable   Stops a user from signing in and ends their sessions. The last active admin cannot be disabled.
enable    Lets a disabled user sign in again.

Passwords are read from standard input, never from an option. For example:
  read -rs PASSWORD && printf '%s\\n' "$PASSWORD" | rasil user add --email mona@example.com --name Mona --role admin --password-stdin

Options:
${configHelp()}`,
  run: (io) => runSubcommand('user', { add: userAdd, passwd: userPasswd, list: userList, disable: userDisable, enable: userEnable }, io, ['password-stdin', 'json']),
};

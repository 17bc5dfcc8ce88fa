import { listUsers } from '../../accounts/users.repository';
import type { Subcommand } from './subcommands';
import { formatTable, utcMinute } from './text-table';

export const userList: Subcommand = {
  flags: ['json'],
  async run({ flags, io, deps }) {
    const users = listUsers(deps().db).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      status: u.disabledAt === null ? 'active' : 'disabled',
      createdAt: u.createdAt,
    }));
    if (flags.json) {
      io.stdout(JSON.stringify(users.map((u) => ({ ...u, createdAt: new Date(u.createdAt).toISOString() })), null, 2) + '\n');
    } else if (users.length === 0) {
      io.stdout('No users yet. Add the first admin with `rasil user add --role admin …` (see `rasil user --help`).\n');
    } else {
      io.stdout(formatTable(['EMAIL', 'NAME', 'ROLE', 'STATUS', 'CREATED'], users.map((u) => [u.email, u.name, u.role, u.status, utcMinute(u.createdAt)])));
    }
    return 0;
  },
};

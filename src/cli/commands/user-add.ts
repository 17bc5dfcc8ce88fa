import { createUser } from '../../accounts/create-user';
import { ROLES, type Role } from '../../accounts/accounts.tables';
import { cliActor } from '../../audit/record-audit';
import { UsageError } from '../command';
import { requiredValue } from './flag-values';
import { withPlainErrors } from './plain-errors';
import { readPasswordFromStdin } from './read-password';
import type { Subcommand } from './subcommands';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const userAdd: Subcommand = {
  flags: ['email', 'name', 'role', 'password-stdin', 'password'],
  async run({ flags, io, deps }) {
    const email = requiredValue(flags, 'email', 'mona@example.com');
    const name = requiredValue(flags, 'name', '"Mona Saleh"');
    const role = requiredValue(flags, 'role', 'admin');
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
    const password = await readPasswordFromStdin(flags, io, `rasil user add --email ${email} --name "…" --role ${role}`);
    const opened = deps();
    await withPlainErrors(() => createUser({ email, name, role, password }, cliActor, opened));
    io.stdout(`Added ${name.trim()} <${email.trim().toLowerCase()}> as ${role}. They can sign in now.\n`);
    return 0;
  },
};

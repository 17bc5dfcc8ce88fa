import { changePassword } from '../../accounts/change-password';
import { cliActor } from '../../audit/record-audit';
import { requiredValue } from './flag-values';
import { userFromEmailFlag } from './find-user';
import { withPlainErrors } from './plain-errors';
import { readPasswordFromStdin } from './read-password';
import type { Subcommand } from './subcommands';

export const userPasswd: Subcommand = {
  flags: ['email', 'password-stdin', 'password'],
  async run({ flags, io, deps }) {
    const email = requiredValue(flags, 'email', 'mona@example.com');
    const password = await readPasswordFromStdin(flags, io, `rasil user passwd --email ${email}`);
    const opened = deps();
    const user = userFromEmailFlag(opened.db, flags);
    await withPlainErrors(() => changePassword({ userId: user.id, password }, cliActor, opened), { field: 'password' });
    io.stdout(`Changed the password of ${user.email} and signed them out everywhere.\n`);
    return 0;
  },
};

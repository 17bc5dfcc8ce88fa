import { updateUserAccess } from '../../accounts/update-user-access';
import { cliActor } from '../../audit/record-audit';
import { userFromEmailFlag } from './find-user';
import { withPlainErrors } from './plain-errors';
import type { Subcommand } from './subcommands';

/** `user disable` and `user enable`: the same use case, which also ends the user's sessions. */
const setDisabled = (disabled: boolean): Subcommand => ({
  flags: ['email'],
  async run({ flags, io, deps }) {
    const opened = deps();
    const user = userFromEmailFlag(opened.db, flags);
    const { changed } = await withPlainErrors(() => updateUserAccess({ userId: user.id, disabled }, cliActor, opened));
    if (!changed) io.stdout(`${user.email} was already ${disabled ? 'disabled' : 'active'}; nothing changed.\n`);
    else if (disabled) io.stdout(`Disabled ${user.email} and signed them out everywhere.\n`);
    else io.stdout(`Enabled ${user.email}; they can sign in again.\n`);
    return 0;
  },
});

export const userDisable = setDisabled(true);
export const userEnable = setDisabled(false);

import type { Db } from '../../platform/db/client';
import { findUserByEmail, type User } from '../../accounts/users.repository';
import { UsageError } from '../command';
import { requiredValue } from './flag-values';

/** The user named by --email, or a sentence saying how to find the right address. */
export function userFromEmailFlag(db: Db, flags: Record<string, string | true>): User {
  const email = requiredValue(flags, 'email', 'mona@example.com');
  const user = findUserByEmail(db, email);
  if (!user) throw new UsageError(`No user has the email ${email.trim()}. Run \`rasil user list\` to see who exists.`);
  return user;
}

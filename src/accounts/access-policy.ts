import type { Role } from './accounts.tables';

/**
 * What a route allows. Every route declares one, and test/accounts/access.test.ts walks the route table
 * to prove that nothing but the public list answers without a session.
 */
export type AccessPolicy = 'public' | 'signed-in' | readonly Role[];

export const ADMIN_ONLY = ['admin'] as const;
export const MANAGERS = ['admin', 'supervisor'] as const;
export const INBOX_USERS = ['admin', 'supervisor', 'agent'] as const;
export const REPORT_READERS = ['admin', 'supervisor', 'analyst'] as const;

export function isAllowed(policy: AccessPolicy, role: Role | undefined): boolean {
  if (policy === 'public') return true;
  if (!role) return false;
  if (policy === 'signed-in') return true;
  return policy.includes(role);
}

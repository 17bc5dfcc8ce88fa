import type { MessageKey } from './en';
import { common } from './ar/common';
import { accounts } from './ar/accounts';
import { admin } from './ar/admin';

/** Arabic must cover every English key; the type below makes a missing one a compile error. */
export const ar: Record<MessageKey, string> = { ...common, ...accounts, ...admin };

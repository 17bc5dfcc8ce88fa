import { common } from './en/common';
import { accounts } from './en/accounts';
import { admin } from './en/admin';

/** English is the reference catalogue: every key exists here first. One file per area keeps edits apart. */
export const en = { ...common, ...accounts, ...admin };
export type MessageKey = keyof typeof en;

import { common } from './en/common';
import { accounts } from './en/accounts';
import { admin } from './en/admin';
import { whatsapp } from './en/whatsapp';
import { inbox } from './en/inbox';
import { assignment } from './en/assignment';
import { hours } from './en/hours';
import { notes } from './en/notes';
import { inboxAccess } from './en/inbox-access';
import { live } from './en/live';
import { lock } from './en/lock';
import { list } from './en/list';

/** English is the reference catalogue: every key exists here first. One file per area keeps edits apart. */
export const en = { ...common, ...accounts, ...admin, ...whatsapp, ...inbox, ...assignment, ...hours, ...inboxAccess, ...notes, ...live, ...lock, ...list };
export type MessageKey = keyof typeof en;

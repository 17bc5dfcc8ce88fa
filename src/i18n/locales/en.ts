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
import { routing } from './en/routing';
import { routingPolicy } from './en/routing-policy';
import { csat } from './en/csat';
import { reports } from './en/reports';
import { calendars } from './en/calendars';
import { menuBot } from './en/menu-bot';
import { automation } from './en/automation';
import { assigner } from './en/assigner';
import { sla } from './en/sla';

/** English is the reference catalogue: every key exists here first. One file per area keeps edits apart. */
export const en = { ...common, ...accounts, ...admin, ...whatsapp, ...inbox, ...assignment, ...hours, ...inboxAccess, ...notes, ...live, ...lock, ...list, ...routing, ...routingPolicy, ...csat, ...reports, ...calendars, ...menuBot, ...automation, ...assigner, ...sla };
export type MessageKey = keyof typeof en;

import type { MessageKey } from './en';
import { common } from './ar/common';
import { accounts } from './ar/accounts';
import { admin } from './ar/admin';
import { whatsapp } from './ar/whatsapp';
import { inbox } from './ar/inbox';
import { assignment } from './ar/assignment';
import { hours } from './ar/hours';
import { notes } from './ar/notes';
import { inboxAccess } from './ar/inbox-access';
import { live } from './ar/live';
import { lock } from './ar/lock';
import { list } from './ar/list';
import { routing } from './ar/routing';
import { routingPolicy } from './ar/routing-policy';
import { csat } from './ar/csat';
import { reports } from './ar/reports';
import { calendars } from './ar/calendars';
import { menuBot } from './ar/menu-bot';
import { automation } from './ar/automation';
import { assigner } from './ar/assigner';
import { sla } from './ar/sla';

/** Arabic must cover every English key; the type below makes a missing one a compile error. */
export const ar: Record<MessageKey, string> = { ...common, ...accounts, ...admin, ...whatsapp, ...inbox, ...assignment, ...hours, ...inboxAccess, ...notes, ...live, ...lock, ...list, ...routing, ...routingPolicy, ...csat, ...reports, ...calendars, ...menuBot, ...automation, ...assigner, ...sla };

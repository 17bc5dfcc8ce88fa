import { eq } from 'drizzle-orm';
import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { createErrorFactory } from '../platform/errors';
import { calendars } from '../business-hours/calendars/calendars.tables';
import { inboxes } from './conversations.tables';
import { findInbox } from './conversations.repository';
import { createInboxNotFoundError } from './inbox-settings.errors';
import type { InboxSettingsDeps } from './add-inbox-member';

export const createInboxCalendarInvalidError = createErrorFactory({ code: 'inboxes.calendar_invalid', status: 422, messageKey: 'field.inboxCalendar.invalid' });

/** Sets the calendar an inbox follows (null = always open); audited only when it changes. Unknown calendars are refused. */
export function setInboxCalendar({ inboxId, calendarId }: { inboxId: string; calendarId: string | null }, actor: AuditActor, deps: InboxSettingsDeps): { changed: boolean } {
  return runInTransaction(deps.db, (tx) => {
    const inbox = findInbox(tx, inboxId);
    if (!inbox) throw createInboxNotFoundError();
    if (calendarId && !tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, calendarId)).get()) throw createInboxCalendarInvalidError();
    if (inbox.calendarId === calendarId) return { changed: false };
    const now = deps.clock.now();
    tx.update(inboxes).set({ calendarId, updatedAt: now }).where(eq(inboxes.id, inboxId)).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'inbox.calendar_changed', targetType: 'inbox', targetId: inboxId, details: { from: inbox.calendarId, to: calendarId } });
    return { changed: true };
  });
}

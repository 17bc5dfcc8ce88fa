import { eq } from 'drizzle-orm';
import { calendars } from './calendars.tables';
import { createCalendarNotFoundError } from './calendars.errors';
import { runInTransaction } from '../../platform/db/client';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import type { CalendarDeps } from './save-calendar';

/**
 * Deletes a calendar even while inboxes, teams or shifts use it: their foreign keys are set to null, which means
 * always open (the confirm page says so). Audited with its name.
 */
export function deleteCalendar(id: string, actor: AuditActor, deps: CalendarDeps): void {
  runInTransaction(deps.db, (tx) => {
    const row = tx.select({ name: calendars.name }).from(calendars).where(eq(calendars.id, id)).get();
    if (!row) throw createCalendarNotFoundError();
    tx.delete(calendars).where(eq(calendars.id, id)).run();
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'calendar.deleted', targetType: 'calendar', targetId: id, details: { name: row.name } });
  });
}

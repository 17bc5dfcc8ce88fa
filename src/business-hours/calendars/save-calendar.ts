import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendars } from './calendars.tables';
import { businessCalendarSchema } from '../calendar';
import { calendarFormErrors, calendarInput, withoutBlankRows, type CalendarFormErrors, type CalendarFormValues } from './calendar-form';
import { createCalendarNotFoundError } from './calendars.errors';
import { runInTransaction, type Db } from '../../platform/db/client';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';

export interface CalendarDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

const calendarNameSchema = z.string().trim().min(1, 'calendars.name.required').max(100, 'calendars.name.tooLong');

export type SaveCalendarResult = { ok: true; id: string; values: CalendarFormValues } | { ok: false; errors: CalendarFormErrors; values: CalendarFormValues };

/** Names are compared without regard to case: "Shop hours" and "shop hours" would be confused in every select. */
function nameTaken(db: Db, name: string, exceptId: string | undefined): boolean {
  const sameName = sql`lower(${calendars.name}) = lower(${name})`;
  return !!db.select({ id: calendars.id }).from(calendars).where(exceptId ? and(sameName, ne(calendars.id, exceptId)) : sameName).get();
}

/**
 * Creates (no `id`) or replaces a calendar from the editor's form. Refused input comes back with field errors (message
 * keys) and the form without its blank rows; nothing is written. Audited with the new definition.
 */
export function saveCalendar(input: { id?: string; values: CalendarFormValues }, actor: AuditActor, deps: CalendarDeps): SaveCalendarResult {
  const values = withoutBlankRows(input.values);
  const errors: CalendarFormErrors = {};
  const name = calendarNameSchema.safeParse(values.name);
  if (!name.success) errors.name = name.error.issues[0]!.message;
  const calendar = businessCalendarSchema.safeParse(calendarInput(values));
  if (!calendar.success) Object.assign(errors, calendarFormErrors(calendar.error));
  if (!name.success || !calendar.success) return { ok: false, errors, values };

  return runInTransaction(deps.db, (tx): SaveCalendarResult => {
    const existing = input.id ? tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.id, input.id)).get() : undefined;
    if (input.id && !existing) throw createCalendarNotFoundError();
    if (nameTaken(tx, name.data, input.id)) return { ok: false, errors: { name: 'calendars.name.taken' }, values };
    const now = deps.clock.now();
    const definition = JSON.stringify(calendar.data);
    const id = input.id ?? deps.newId('cal');
    if (input.id) tx.update(calendars).set({ name: name.data, definition, updatedAt: now }).where(eq(calendars.id, id)).run();
    else tx.insert(calendars).values({ id, name: name.data, definition, createdAt: now, updatedAt: now }).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: input.id ? 'calendar.updated' : 'calendar.created',
      targetType: 'calendar',
      targetId: id,
      details: { name: name.data, calendar: calendar.data },
    });
    return { ok: true, id, values };
  });
}

import { and, eq, ne, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { AppError, createErrorFactory } from '../platform/errors';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { LABEL_COLORS, labels, type LabelColor } from './labels.tables';

export const LABEL_NAME_MAX = 40;
const createLabelNotFoundError = createErrorFactory({ code: 'labels.not_found', status: 404, messageKey: 'labels.error.notFound' });
/** What is wrong with a label's name; the settings page shows it beside the field. */
const invalidName = (messageKey: string, vars: Record<string, number> = {}) => new AppError('labels.invalid_name', 422, messageKey, vars);

type Deps = { db: Db; clock: Clock; newId: NewId };

function validName(db: Db, raw: string, exceptId?: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw invalidName('labels.error.nameRequired');
  if ([...name].length > LABEL_NAME_MAX) throw invalidName('labels.error.nameTooLong', { max: LABEL_NAME_MAX });
  const clash = db
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(sql`lower(${labels.name})`, name.toLowerCase()), exceptId ? ne(labels.id, exceptId) : undefined))
    .get();
  if (clash) throw invalidName('labels.error.duplicate');
  return name;
}

const colorOf = (value: string): LabelColor => ((LABEL_COLORS as readonly string[]).includes(value) ? (value as LabelColor) : 'grey');

export function createLabel(input: { name: string; color: string }, actor: AuditActor, deps: Deps): { labelId: string } {
  return runInTransaction(deps.db, (tx) => {
    const name = validName(tx, input.name);
    const now = deps.clock.now();
    const labelId = deps.newId('lbl');
    tx.insert(labels).values({ id: labelId, name, color: colorOf(input.color), createdAt: now, updatedAt: now }).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'label.created', targetType: 'label', targetId: labelId, details: { name } });
    return { labelId };
  });
}

export function renameLabel(input: { labelId: string; name: string; color: string }, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    if (!tx.select({ id: labels.id }).from(labels).where(eq(labels.id, input.labelId)).get()) throw createLabelNotFoundError();
    const name = validName(tx, input.name, input.labelId);
    const now = deps.clock.now();
    tx.update(labels).set({ name, color: colorOf(input.color), updatedAt: now }).where(eq(labels.id, input.labelId)).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'label.updated', targetType: 'label', targetId: input.labelId, details: { name } });
  });
}

/** Deleting a label takes it off every conversation (the join rows cascade). */
export function deleteLabel(input: { labelId: string }, actor: AuditActor, deps: Deps): void {
  runInTransaction(deps.db, (tx) => {
    const found = tx.select({ name: labels.name }).from(labels).where(eq(labels.id, input.labelId)).get();
    if (!found) throw createLabelNotFoundError();
    tx.delete(labels).where(eq(labels.id, input.labelId)).run();
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, actor, { action: 'label.deleted', targetType: 'label', targetId: input.labelId, details: { name: found.name } });
  });
}

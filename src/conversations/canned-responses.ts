import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import type { Role } from '../accounts/accounts.tables';
import { cannedResponses } from './canned-responses.tables';

export type CannedResponse = typeof cannedResponses.$inferSelect;
export type CannedField = 'shortcut' | 'title' | 'body';
export interface CannedInput {
  shortcut: string;
  title: string;
  body: string;
  shared: boolean;
}

const SHORTCUT = /^[\p{L}\p{N}_-]{1,30}$/u;
/** Admins and supervisors manage the team's shared responses; everyone manages their own. */
export const canManageShared = (role: Role) => role === 'admin' || role === 'supervisor';

/** The viewer's own responses and the shared ones, sorted by shortcut. */
export function listCannedResponses(db: Db, userId: string): CannedResponse[] {
  return db
    .select()
    .from(cannedResponses)
    .where(or(eq(cannedResponses.ownerId, userId), isNull(cannedResponses.ownerId)))
    .orderBy(asc(cannedResponses.shortcut), asc(cannedResponses.id))
    .all();
}

/** Responses whose shortcut starts with `q` (or whose title contains it), personal first; a short list for the composer. */
export function searchCannedResponses(db: Db, userId: string, q: string, limit = 8): CannedResponse[] {
  const needle = q.trim().replace(/^\//, '').toLocaleLowerCase();
  return listCannedResponses(db, userId)
    .filter((r) => !needle || r.shortcut.toLocaleLowerCase().startsWith(needle) || r.title.toLocaleLowerCase().includes(needle))
    .sort((a, b) => Number(a.ownerId === null) - Number(b.ownerId === null))
    .slice(0, limit);
}

/** One response the viewer may use (own or shared); undefined otherwise, so foreign ids look missing. */
export function findUsableCanned(db: Db, userId: string, id: string): CannedResponse | undefined {
  return db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.id, id), or(eq(cannedResponses.ownerId, userId), isNull(cannedResponses.ownerId))))
    .get();
}

type Viewer = { id: string; role: Role };
const mayEdit = (viewer: Viewer, row: CannedResponse) => row.ownerId === viewer.id || (row.ownerId === null && canManageShared(viewer.role));

/** Validates and stores a response (new when `id` is absent). Returns field errors instead of throwing. */
export function saveCannedResponse(
  input: CannedInput & { id?: string },
  viewer: Viewer,
  deps: { db: Db; clock: Clock; newId: NewId },
): { ok: true; id: string } | { ok: false; errors: Partial<Record<CannedField, string>> } | { ok: false; notFound: true } {
  const shortcut = input.shortcut.trim().replace(/^\//, '');
  const title = input.title.trim();
  const body = input.body.trim();
  const ownerId = input.shared && canManageShared(viewer.role) ? null : viewer.id;
  const errors: Partial<Record<CannedField, string>> = {};
  if (!SHORTCUT.test(shortcut)) errors.shortcut = 'canned.error.shortcut';
  if (!title || [...title].length > 80) errors.title = 'canned.error.title';
  if (!body || [...body].length > 4096) errors.body = 'canned.error.body';
  const existing = input.id ? deps.db.select().from(cannedResponses).where(eq(cannedResponses.id, input.id)).get() : undefined;
  if (input.id && (!existing || !mayEdit(viewer, existing))) return { ok: false, notFound: true };
  const clash = deps.db
    .select({ id: cannedResponses.id })
    .from(cannedResponses)
    .where(and(eq(cannedResponses.shortcut, shortcut), ownerId === null ? isNull(cannedResponses.ownerId) : eq(cannedResponses.ownerId, ownerId)))
    .get();
  if (!errors.shortcut && clash && clash.id !== input.id) errors.shortcut = 'canned.error.shortcutTaken';
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  if (existing) {
    deps.db.update(cannedResponses).set({ shortcut, title, body, ownerId, updatedAt: now }).where(eq(cannedResponses.id, existing.id)).run();
    return { ok: true, id: existing.id };
  }
  const id = deps.newId('cnd');
  deps.db.insert(cannedResponses).values({ id, ownerId, shortcut, title, body, createdAt: now, updatedAt: now }).run();
  return { ok: true, id };
}

/** Deletes a response the viewer may edit; false when it does not exist for them. */
export function deleteCannedResponse(db: Db, viewer: Viewer, id: string): boolean {
  const row = db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get();
  if (!row || !mayEdit(viewer, row)) return false;
  db.delete(cannedResponses).where(eq(cannedResponses.id, id)).run();
  return true;
}

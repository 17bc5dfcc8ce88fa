import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import type { Role } from '../accounts/accounts.tables';
import { conversations, inboxes } from './conversations.tables';
import { inboxMembers } from './inbox-members.tables';

/**
 * THE rule for who sees which conversations (used by the list, search, the page, every fragment and action, media):
 * - admins and supervisors see every inbox (supervisors manage their teams across all inboxes);
 * - analysts read reports only: no conversation at all;
 * - agents see the inboxes they are members of; an inbox with NO members is open to every agent (fresh installs and
 *   the Sandbox work before membership is set up). In a private-mode inbox an agent sees only conversations assigned
 *   to them, plus unassigned ones when the inbox shows its queue.
 */
export interface InboxViewer {
  user: { id: string; role: Role };
}

/** Seen by admins and supervisors without any membership. */
export const SEES_ALL_INBOXES: readonly Role[] = ['admin', 'supervisor'];

export interface InboxAccessFacts {
  privateMode: boolean;
  privateShowsQueue: boolean;
  /** The inbox has at least one member. */
  hasMembers: boolean;
  /** The viewer is one of them. */
  isMember: boolean;
}

/** The pure rule, given what the database says about the conversation's inbox. */
export function conversationVisibleTo(viewer: InboxViewer | undefined, conversation: { assigneeId: string | null }, facts: InboxAccessFacts): boolean {
  if (!viewer) return false;
  const { role, id } = viewer.user;
  if (SEES_ALL_INBOXES.includes(role)) return true;
  if (role !== 'agent') return false;
  if (facts.hasMembers && !facts.isMember) return false;
  if (!facts.privateMode) return true;
  if (conversation.assigneeId === id) return true;
  return conversation.assigneeId === null && facts.privateShowsQueue;
}

const IS_AGENT_MEMBER = (userId: string) =>
  sql`(not exists (select 1 from inbox_members as ia_any where ia_any.inbox_id = ia_inbox.id)
    or exists (select 1 from inbox_members as ia_me where ia_me.inbox_id = ia_inbox.id and ia_me.user_id = ${userId}))`;

/**
 * The same rule as an SQL condition on `conversations`, for list, search and count queries. Correlated subqueries
 * use their own aliases so the condition works whether or not the query already joins `inboxes`.
 */
export function visibleConversationFilter(viewer: InboxViewer | undefined): SQL {
  if (!viewer) return sql`0 = 1`;
  const { role, id } = viewer.user;
  if (SEES_ALL_INBOXES.includes(role)) return sql`1 = 1`;
  if (role !== 'agent') return sql`0 = 1`;
  return sql`exists (select 1 from inboxes as ia_inbox where ia_inbox.id = ${conversations.inboxId} and ${IS_AGENT_MEMBER(id)}
    and (ia_inbox.private_mode = 0 or ${conversations.assigneeId} = ${id}
      or (${conversations.assigneeId} is null and ia_inbox.private_shows_queue = 1)))`;
}

function accessFacts(db: Db, inboxId: string, userId: string): InboxAccessFacts | undefined {
  const inbox = db.select({ privateMode: inboxes.privateMode, privateShowsQueue: inboxes.privateShowsQueue }).from(inboxes).where(eq(inboxes.id, inboxId)).get();
  if (!inbox) return undefined;
  const hasMembers = !!db.select({ userId: inboxMembers.userId }).from(inboxMembers).where(eq(inboxMembers.inboxId, inboxId)).limit(1).get();
  const isMember = hasMembers && !!db.select({ userId: inboxMembers.userId }).from(inboxMembers).where(and(eq(inboxMembers.inboxId, inboxId), eq(inboxMembers.userId, userId))).get();
  return { ...inbox, hasMembers, isMember };
}

export function canViewConversation(db: Db, viewer: InboxViewer | undefined, conversation: { inboxId: string; assigneeId: string | null }): boolean {
  if (!viewer) return false;
  if (SEES_ALL_INBOXES.includes(viewer.user.role)) return true;
  if (viewer.user.role !== 'agent') return false;
  const facts = accessFacts(db, conversation.inboxId, viewer.user.id);
  return !!facts && conversationVisibleTo(viewer, conversation, facts);
}

/**
 * May the viewer change the conversation (reply, note, status, assign…)? Analysts never; agents only where they are
 * members and, in private mode, on their own or queued conversations — which is exactly what they can see.
 */
export function canActOnConversation(db: Db, viewer: InboxViewer | undefined, conversation: { inboxId: string; assigneeId: string | null }): boolean {
  if (!viewer || viewer.user.role === 'analyst') return false;
  return canViewConversation(db, viewer, conversation);
}

/** Inboxes whose conversations (some or all, in private mode) the viewer may see: for inbox pickers and filters. */
export function listViewerInboxIds(db: Db, viewer: InboxViewer | undefined): string[] {
  if (!viewer) return [];
  const { role, id } = viewer.user;
  if (SEES_ALL_INBOXES.includes(role)) return db.select({ id: inboxes.id }).from(inboxes).all().map((row) => row.id);
  if (role !== 'agent') return [];
  return db.all<{ id: string }>(sql`select ia_inbox.id as id from inboxes as ia_inbox where ${IS_AGENT_MEMBER(id)} order by ia_inbox.name, ia_inbox.id`).map((row) => row.id);
}

/**
 * REST API tokens are integrations an admin set up, so they act with admin-level reach over every inbox. The API
 * still goes through the same rule with this viewer, so a future per-token scope changes only this function.
 */
export function apiTokenViewer(token: { id: string }): InboxViewer {
  return { user: { id: token.id, role: 'admin' } };
}

import { runInTransaction, type Db } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { appendEvent } from '../platform/events/event-store';
import { findUserById } from '../accounts/users.repository';
import { INBOX_USERS } from '../accounts/access-policy';
import type { Role } from '../accounts/accounts.tables';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { createAgentNotFoundError, createNotAgentManagerError } from './teams.errors';
import { listTeamIdsOfUser } from './teams.repository';
import { findAgentRouting, saveAgentRouting, type StoredAgentRouting } from './team-policies.repository';
import { agentRoutingSchema, type AgentRoutingForm } from './team-policy.schemas';
import { calendarExists, fieldProblem } from './update-team-policy';

/** Admins set anyone's routing; supervisors only for people who share one of their teams (as with team policies). */
export function mayManageAgent(db: Db, editor: TeamEditor, userId: string): boolean {
  if (editor.role === 'admin') return true;
  if (editor.role !== 'supervisor' || editor.actor.id === null) return false;
  const mine = new Set(listTeamIdsOfUser(db, editor.actor.id));
  return listTeamIdsOfUser(db, userId).some((teamId) => mine.has(teamId));
}

const isInboxUser = (role: Role) => (INBOX_USERS as readonly Role[]).includes(role);

/**
 * Sets an agent's own capacity (empty = the team's default), skill tags and shift calendar. Capacity and shifts
 * decide who may take the next queued conversation, so a change appends routing.capacity_changed.
 */
export function updateAgentRouting({ userId, form }: { userId: string; form: AgentRoutingForm }, editor: TeamEditor, deps: TeamDeps) {
  const valid = agentRoutingSchema.parse(form);
  return runInTransaction(deps.db, (tx) => {
    const user = findUserById(tx, userId);
    if (!user || user.disabledAt !== null || !isInboxUser(user.role)) throw createAgentNotFoundError();
    if (!mayManageAgent(tx, editor, userId)) throw createNotAgentManagerError();
    if (valid.shiftCalendarId !== null && !calendarExists(tx, valid.shiftCalendarId)) throw fieldProblem('shiftCalendarId', 'field.teamPolicy.calendarUnknown');
    const before = findAgentRouting(tx, userId);
    const routing: StoredAgentRouting = { capacity: valid.capacity, skills: valid.skills, shiftCalendarId: valid.shiftCalendarId };
    if (JSON.stringify(before) === JSON.stringify(routing)) return { changed: false, routing };
    const now = deps.clock.now();
    saveAgentRouting(tx, userId, routing, now);
    recordAudit(tx, { newId: deps.newId, now }, editor.actor, { action: 'agent.routing_changed', targetType: 'user', targetId: userId, details: { ...routing } });
    appendEvent(tx, { type: 'routing.capacity_changed', payload: { userId }, at: now });
    return { changed: true, routing };
  });
}

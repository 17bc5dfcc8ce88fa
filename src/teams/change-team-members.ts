import { runInTransaction } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import { findUserById } from '../accounts/users.repository';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { createMemberUnavailableError } from './teams.errors';
import { deleteTeamMember, insertTeamMember } from './teams.repository';
import { requireManageableTeam } from './team-access';
import { appendEvent } from '../platform/events/event-store';

/** Adds an active user to a team; adding someone already in it changes nothing. */
export function addTeamMember({ teamId, userId }: { teamId: string; userId: string }, editor: TeamEditor, deps: TeamDeps) {
  return runInTransaction(deps.db, (tx) => {
    requireManageableTeam(tx, teamId, editor);
    const user = findUserById(tx, userId);
    if (!user || user.disabledAt !== null) throw createMemberUnavailableError();
    const now = deps.clock.now();
    const added = insertTeamMember(tx, { teamId, userId, addedAt: now });
    if (added) {
      recordAudit(tx, { newId: deps.newId, now }, editor.actor, { action: 'team.member_added', targetType: 'team', targetId: teamId, details: { userId, email: user.email } });
      appendEvent(tx, { type: 'routing.capacity_changed', payload: { teamId, userId }, at: now });
    }
    return { changed: added };
  });
}

/** Takes a user out of a team; removing someone who is not in it changes nothing. */
export function removeTeamMember({ teamId, userId }: { teamId: string; userId: string }, editor: TeamEditor, deps: TeamDeps) {
  return runInTransaction(deps.db, (tx) => {
    requireManageableTeam(tx, teamId, editor);
    const removed = deleteTeamMember(tx, teamId, userId);
    if (removed) {
      recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, editor.actor, { action: 'team.member_removed', targetType: 'team', targetId: teamId, details: { userId } });
    }
    return { changed: removed };
  });
}

import { runInTransaction } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { createNotTeamManagerError, createTeamNotFoundError } from './teams.errors';
import { deleteTeam as removeTeam, findTeamById } from './teams.repository';

/** Deletes a team and its memberships (the people keep their accounts). Admins only. */
export function deleteTeam({ teamId }: { teamId: string }, editor: TeamEditor, deps: TeamDeps) {
  if (editor.role !== 'admin') throw createNotTeamManagerError();
  runInTransaction(deps.db, (tx) => {
    const team = findTeamById(tx, teamId);
    if (!team) throw createTeamNotFoundError();
    removeTeam(tx, teamId);
    recordAudit(tx, { newId: deps.newId, now: deps.clock.now() }, editor.actor, {
      action: 'team.deleted',
      targetType: 'team',
      targetId: teamId,
      details: { name: team.name },
    });
  });
}

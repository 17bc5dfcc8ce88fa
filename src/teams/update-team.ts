import { runInTransaction } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { teamSchema, type TeamInput } from './teams.schemas';
import { createTeamNameTakenError } from './teams.errors';
import { findTeamByName, updateTeam as saveTeam } from './teams.repository';
import { requireManageableTeam } from './team-access';

/** Renames a team or changes its description; the new name must not belong to another team. */
export function updateTeam({ teamId, ...input }: TeamInput & { teamId: string }, editor: TeamEditor, deps: TeamDeps) {
  const valid = teamSchema.parse(input);
  return runInTransaction(deps.db, (tx) => {
    const team = requireManageableTeam(tx, teamId, editor);
    const sameName = findTeamByName(tx, valid.name);
    if (sameName && sameName.id !== teamId) throw createTeamNameTakenError();
    if (team.name === valid.name && team.description === valid.description) return { changed: false };
    const now = deps.clock.now();
    saveTeam(tx, teamId, { name: valid.name, description: valid.description, updatedAt: now });
    recordAudit(tx, { newId: deps.newId, now }, editor.actor, {
      action: 'team.updated',
      targetType: 'team',
      targetId: teamId,
      details: { from: team.name, to: valid.name },
    });
    return { changed: true };
  });
}

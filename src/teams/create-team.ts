import { runInTransaction } from '../platform/db/client';
import { recordAudit } from '../audit/record-audit';
import type { TeamDeps, TeamEditor } from './teams.deps';
import { teamSchema, type TeamInput } from './teams.schemas';
import { createNotTeamManagerError, createTeamNameTakenError } from './teams.errors';
import { findTeamByName, insertTeam, insertTeamMember } from './teams.repository';
import { mayCreateTeam } from './team-access';

/** Creates a team with a unique name. A supervisor joins the team they create, or they could not manage it afterwards. */
export function createTeam(input: TeamInput, editor: TeamEditor, deps: TeamDeps) {
  if (!mayCreateTeam(editor.role)) throw createNotTeamManagerError();
  const valid = teamSchema.parse(input);
  return runInTransaction(deps.db, (tx) => {
    if (findTeamByName(tx, valid.name)) throw createTeamNameTakenError();
    const now = deps.clock.now();
    const teamId = deps.newId('team');
    insertTeam(tx, { id: teamId, name: valid.name, description: valid.description, createdAt: now, updatedAt: now });
    if (editor.role === 'supervisor' && editor.actor.id) insertTeamMember(tx, { teamId, userId: editor.actor.id, addedAt: now });
    recordAudit(tx, { newId: deps.newId, now }, editor.actor, { action: 'team.created', targetType: 'team', targetId: teamId, details: { name: valid.name } });
    return { teamId };
  });
}

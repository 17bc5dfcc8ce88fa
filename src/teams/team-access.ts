import type { Role } from '../accounts/accounts.tables';
import type { Db } from '../platform/db/client';
import type { TeamEditor } from './teams.deps';
import { createNotTeamManagerError, createTeamNotFoundError } from './teams.errors';
import { findTeamById, isTeamMember, type Team } from './teams.repository';

/** Admins manage every team; supervisors only the teams they belong to; nobody else any. */
export const mayManageTeam = (role: Role, isMember: boolean): boolean => role === 'admin' || (role === 'supervisor' && isMember);

export const mayCreateTeam = (role: Role): boolean => role === 'admin' || role === 'supervisor';

/** The team, when it exists and `editor` may manage it; otherwise a 404 or 403 error. */
export function requireManageableTeam(db: Db, teamId: string, editor: TeamEditor): Team {
  const team = findTeamById(db, teamId);
  if (!team) throw createTeamNotFoundError();
  const member = editor.actor.id !== null && isTeamMember(db, teamId, editor.actor.id);
  if (!mayManageTeam(editor.role, member)) throw createNotTeamManagerError();
  return team;
}

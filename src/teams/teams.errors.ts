import { createErrorFactory } from '../platform/errors';

export const createTeamNotFoundError = createErrorFactory({ code: 'teams.not_found', status: 404, messageKey: 'teams.error.notFound' });
export const createTeamNameTakenError = createErrorFactory({ code: 'teams.name_taken', status: 409, messageKey: 'field.teamName.taken' });
export const createNotTeamManagerError = createErrorFactory({ code: 'teams.not_manager', status: 403, messageKey: 'teams.error.notMember' });
export const createMemberUnavailableError = createErrorFactory({ code: 'teams.member_unavailable', status: 422, messageKey: 'field.member.invalid' });
export const createAgentNotFoundError = createErrorFactory({ code: 'teams.agent_not_found', status: 404, messageKey: 'routingPolicy.error.agentNotFound' });
export const createNotAgentManagerError = createErrorFactory({ code: 'teams.not_agent_manager', status: 403, messageKey: 'routingPolicy.error.notAgentManager' });

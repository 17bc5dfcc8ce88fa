import { createErrorFactory } from '../platform/errors';

export const createInboxNotFoundError = createErrorFactory({ code: 'inboxes.not_found', status: 404, messageKey: 'inboxAccess.error.notFound' });
export const createInboxMemberUnavailableError = createErrorFactory({ code: 'inboxes.member_unavailable', status: 422, messageKey: 'field.inboxMember.invalid' });

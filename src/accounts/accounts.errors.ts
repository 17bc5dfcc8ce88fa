import { createErrorFactory } from '../platform/errors';

export const createUserNotFoundError = createErrorFactory({ code: 'accounts.user_not_found', status: 404, messageKey: 'accounts.error.userNotFound' });
export const createEmailTakenError = createErrorFactory({ code: 'accounts.email_taken', status: 409, messageKey: 'field.email.taken' });
export const createLastAdminError = createErrorFactory({ code: 'accounts.last_admin', status: 409, messageKey: 'accounts.error.lastAdmin' });
export const createSetupDoneError = createErrorFactory({ code: 'accounts.setup_done', status: 409, messageKey: 'accounts.error.setupDone' });

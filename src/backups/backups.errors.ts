import { createErrorFactory } from '../platform/errors';

export const createBackupExistsError = createErrorFactory({ code: 'backups.exists', status: 409, messageKey: 'backups.error.exists' });

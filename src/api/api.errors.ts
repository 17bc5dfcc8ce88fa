import { createErrorFactory } from '../platform/errors';

export const createApiNotFoundError = createErrorFactory({ code: 'not_found', status: 404, messageKey: 'api.error.notFound' });

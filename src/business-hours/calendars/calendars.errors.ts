import { createErrorFactory } from '../../platform/errors';

export const createCalendarNotFoundError = createErrorFactory({ code: 'calendars.not_found', status: 404, messageKey: 'calendars.error.notFound' });

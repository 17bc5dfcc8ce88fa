import { createErrorFactory } from '../../../platform/errors';

export const createChannelNotFoundError = createErrorFactory({ code: 'whatsapp.channel_not_found', status: 404, messageKey: 'whatsapp.channel.notFound' });
/** Carries a field's message key, so forms show it beside the phone number id. */
export const createPhoneNumberTakenError = createErrorFactory({ code: 'whatsapp.phone_number_taken', status: 409, messageKey: 'field.phoneNumberId.taken' });
export const createSandboxLockedError = createErrorFactory({ code: 'whatsapp.sandbox_locked', status: 409, messageKey: 'whatsapp.channel.sandboxLocked' });

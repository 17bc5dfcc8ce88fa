import { AppError, createErrorFactory } from '../platform/errors';

export const createConversationNotFoundError = createErrorFactory({ code: 'conversations.not_found', status: 404, messageKey: 'whatsapp.error.conversationNotFound' });
export const createMessageNotFoundError = createErrorFactory({ code: 'conversations.message_not_found', status: 404, messageKey: 'whatsapp.error.messageNotFound' });
/** Free-form content outside the 24-hour window: only an approved template may be sent. */
export const createReplyWindowClosedError = createErrorFactory({ code: 'conversations.reply_window_closed', status: 409, messageKey: 'whatsapp.error.replyWindowClosed' });
export const createMediaNotReadyError = createErrorFactory({ code: 'conversations.media_not_ready', status: 422, messageKey: 'whatsapp.error.mediaNotReady' });
export const createNotResendableError = createErrorFactory({ code: 'conversations.not_resendable', status: 409, messageKey: 'whatsapp.error.notResendable' });
export const createNoRecipientError = createErrorFactory({ code: 'conversations.no_recipient', status: 422, messageKey: 'whatsapp.error.noRecipient' });

/** Content breaking one of Meta's limits; `messageKey` names the rule (whatsapp.outbound.*), `vars` its numbers. */
export const createInvalidOutboundError = (messageKey: string, vars: Record<string, string | number> = {}) =>
  new AppError('conversations.invalid_outbound', 422, messageKey, vars);

import { createErrorFactory } from '../../platform/errors';

/** An inbox or menu that does not exist (or belongs to another inbox): the same 404 either way. */
export const createInboxNotFoundError = createErrorFactory({ code: 'menu_bot.inbox_not_found', status: 404, messageKey: 'menuBot.error.inboxNotFound' });
export const createMenuNotFoundError = createErrorFactory({ code: 'menu_bot.menu_not_found', status: 404, messageKey: 'menuBot.error.menuNotFound' });

import type { Db } from '../../platform/db/client';
import { createTranslator } from '../../i18n/translate';
import { getBusinessSettings } from '../../settings/business-settings';
import { findContact } from '../../contacts/contacts.repository';
import { findMessage } from '../../conversations/messages.repository';
import { findConversation, type Conversation } from '../../conversations/conversations.repository';
import { mayQueueAutomaticMessage } from '../../conversations/automatic-message-budget';
import { endBotConversation, startBotConversation } from '../../conversations/set-bot-state';
import { customerLanguage, type BotConfig } from './menu-bot-config';
import { findBotSession, firstCustomerMessageId, hasAgentReply, loadEnabledBot, saveBotSession, type BotSession, type LoadedBot } from './menu-bot.repository';
import { noteLine, type BotTurn, type MenuBotDeps } from './bot-turn';
import { handOff } from './hand-off';
import { continueConversation, greet } from './bot-steps';

export type { MenuBotDeps } from './bot-turn';

export interface MenuBotInput {
  conversationId: string;
  messageId: string;
  now: number;
}

export interface MenuBotResult {
  /** True when the bot took this customer message: other automation (welcome, keyword replies) stays silent. */
  handled: boolean;
  afterCommit?: () => void;
  /** Messages the bot queued (greeting, answers, notices): wake the outbox after commit when above zero. */
  queued?: number;
}

const NOT_HANDLED: MenuBotResult = { handled: false };
const NO_BOT: BotConfig = { inboxId: '', enabled: false, rootMenuId: null, escalationKeywords: [], frustrationWords: [], sensitiveTopics: [] };

/**
 * The menu bot's reaction to one customer message, inside the automation handler's transaction (called first).
 * It takes only the first message of a new conversation in an inbox whose bot is on, and answers only while it
 * still holds the conversation: once a person has it (assigned, replied, or handed over) it stays silent for good.
 *
 * The 3-a-day automatic message budget: the greeting is unsolicited, so it asks the budget and, when the budget is
 * spent, the bot does not take the conversation (people answer it). Every later bot message — answers, questions,
 * menus, "a person is coming" — replies to something the customer just chose or typed, so it does not ask: a
 * customer navigating a menu must not be cut off mid-way by a counter meant for unrequested messages.
 */
export function runMenuBot(tx: Db, deps: MenuBotDeps, input: MenuBotInput): MenuBotResult {
  const conversation = findConversation(tx, input.conversationId);
  const message = findMessage(tx, input.messageId);
  if (!conversation || !message || message.conversationId !== conversation.id || message.direction !== 'in' || message.authorType !== 'contact')
    return NOT_HANDLED;

  const existing = findBotSession(tx, conversation.id);
  if (existing && existing.state !== 'active') return NOT_HANDLED;
  if (!existing && !isNewConversation(tx, conversation, message.id)) return NOT_HANDLED;
  const bot = loadEnabledBot(tx, conversation.inboxId);
  if (!bot && !existing) return NOT_HANDLED;
  const contact = findContact(tx, conversation.contactId);
  const language = customerLanguage(contact?.locale ?? '', getBusinessSettings(tx).defaultLocale);
  const session: BotSession = existing ?? newSession(conversation.id, bot?.config.rootMenuId ?? null);
  const text = message.body;
  const choiceId = choiceIdOf(message.kind, message.content);

  const turnOf = (loaded: LoadedBot): BotTurn => ({
    tx,
    deps,
    now: input.now,
    conversation,
    bot: loaded,
    session,
    language,
    t: createTranslator(language),
    queued: 0,
  });
  const quietHandOff = (reason: 'bot_off' | 'person_replied') => {
    noteLine(session, 'customer', text, input.now);
    handOff(turnOf({ config: { ...NO_BOT, inboxId: conversation.inboxId }, menus: new Map() }), { reason, notify: false });
    saveBotSession(tx, session, input.now);
    return NOT_HANDLED;
  };
  if (existing && (!conversation.withBot || conversation.assigneeId !== null || conversation.status === 'resolved')) {
    // Someone else handed it over, or a person took or closed it: the bot steps back for good.
    session.state = 'handed_over';
    saveBotSession(tx, session, input.now);
    if (conversation.withBot) endBotConversation(tx, conversation.id, input.now);
    return NOT_HANDLED;
  }
  // An agent replied without taking it, or the bot was switched off mid-way: routing waits while with_bot is set,
  // so hand it to people (and routing) without a word.
  if (existing && hasAgentReply(tx, conversation.id)) return quietHandOff('person_replied');
  if (!bot) return quietHandOff('bot_off');
  if (!existing) {
    if (!mayQueueAutomaticMessage(tx, conversation.contactId, input.now)) return NOT_HANDLED;
    if (!startBotConversation(tx, conversation.id, input.now)) return NOT_HANDLED;
  }

  const turn = turnOf(bot);
  noteLine(session, 'customer', text, input.now);
  if (existing) continueConversation(turn, { text, choiceId });
  else greet(turn, { text, choiceId });
  saveBotSession(tx, session, input.now);
  return { handled: true, queued: turn.queued };
}

function newSession(conversationId: string, menuId: string | null): BotSession {
  return { conversationId, state: 'active', menuId, awaiting: null, unrecognisedInRow: 0, answers: {}, transcript: [] };
}

/**
 * The customer's first live message of a conversation nobody has touched. "First", not "only": when a customer
 * sends two messages before the bot runs, it takes the first and reads the second as a reply.
 */
function isNewConversation(tx: Db, conversation: Conversation, messageId: string): boolean {
  if (conversation.withBot || conversation.assigneeId !== null || conversation.routedAt !== null || conversation.status !== 'open') return false;
  return firstCustomerMessageId(tx, conversation.id) === messageId && !hasAgentReply(tx, conversation.id);
}

/** The id of the button or list row tapped (our `menu:…` ids), for interactive replies. */
function choiceIdOf(kind: string, content: string): string | null {
  if (kind !== 'interactive') return null;
  try {
    const parsed = JSON.parse(content) as { reply?: { id?: unknown } };
    return typeof parsed.reply?.id === 'string' ? parsed.reply.id : null;
  } catch {
    return null;
  }
}

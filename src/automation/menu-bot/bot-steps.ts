import { setContactAttribute } from '../../contacts/set-contact-attribute';
import { inLanguage, type BotMenu, type MenuOption } from './menu-bot-config';
import { understandReply, type ReplyToUnderstand, type Understood } from './understand-reply';
import { MENU_BOT_GREETING_RULE, say, showMenu, type BotTurn } from './bot-turn';
import { handOff } from './hand-off';

/** Three unrecognised inputs in a row and a person takes over. */
export const UNRECOGNISED_LIMIT = 3;

/**
 * The first message of a conversation: someone who starts with "agent", a sensitive topic or an angry message goes
 * straight to a person, one who types an option's title gets it; everyone else gets the greeting and the menu.
 */
export function greet(turn: BotTurn, reply: ReplyToUnderstand): void {
  const root = rootMenu(turn);
  const understood = understand(turn, reply, root);
  if (understood.kind === 'option' || understood.kind === 'escalate' || understood.kind === 'sensitive' || understood.kind === 'frustrated') {
    act(turn, understood);
    return;
  }
  showMenu(turn, root, MENU_BOT_GREETING_RULE);
}

export function continueConversation(turn: BotTurn, reply: ReplyToUnderstand): void {
  const menu = turn.bot.menus.get(turn.session.menuId ?? '') ?? rootMenu(turn);
  act(turn, understand(turn, reply, menu));
}

function understand(turn: BotTurn, reply: ReplyToUnderstand, menu: BotMenu): Understood {
  const { config, menus } = turn.bot;
  return understandReply(reply, {
    menuId: menu.id,
    options: menu.options,
    menus: new Map([...menus.values()].map((m) => [m.id, m.options])),
    escalationKeywords: config.escalationKeywords,
    frustrationWords: config.frustrationWords,
    sensitiveTopics: config.sensitiveTopics,
    awaitingAnswer: turn.session.awaiting !== null,
  });
}

function act(turn: BotTurn, understood: Understood): void {
  const { session } = turn;
  if (understood.kind !== 'unrecognised') session.unrecognisedInRow = 0;
  switch (understood.kind) {
    case 'option':
      session.awaiting = null;
      session.menuId = understood.menuId;
      return choose(turn, understood.option);
    case 'main_menu':
      showMenu(turn, rootMenu(turn));
      return;
    case 'escalate':
      return handOff(turn, { reason: 'asked' });
    case 'sensitive':
      return handOff(turn, { reason: 'sensitive', teamId: understood.topic.teamId, menuOption: understood.topic.option || null });
    case 'frustrated':
      return handOff(turn, { reason: 'frustrated' });
    case 'answer':
      return storeAnswer(turn, understood.text);
    case 'unrecognised':
      return notUnderstood(turn);
  }
}

function choose(turn: BotTurn, option: MenuOption): void {
  const { action } = option;
  if (action.type === 'answer') {
    const followUp = action.followUpMenuId ? turn.bot.menus.get(action.followUpMenuId) : undefined;
    const text = inLanguage(turn.language, action.textEn, action.textAr);
    if (text) say(turn, { kind: 'text', text: followUp ? text : `${text}\n\n${turn.t('menuBot.customer.answerHint')}` });
    if (followUp) showMenu(turn, followUp);
    return;
  }
  if (action.type === 'ask') {
    turn.session.awaiting = { optionId: option.id, attributeKey: action.attributeKey, handOverAfter: action.handOverAfter };
    say(turn, { kind: 'text', text: inLanguage(turn.language, action.questionEn, action.questionAr) || turn.t('menuBot.customer.defaultQuestion') });
    return;
  }
  handOff(turn, { reason: 'option', teamId: action.teamId, menuOption: action.value.trim() || inLanguage('en', option.titleEn, option.titleAr) });
}

function storeAnswer(turn: BotTurn, text: string): void {
  const awaiting = turn.session.awaiting!;
  turn.session.answers[awaiting.attributeKey] = text;
  turn.session.awaiting = null;
  setContactAttribute(turn.tx, { contactId: turn.conversation.contactId, key: awaiting.attributeKey, value: text }, turn.now);
  if (awaiting.handOverAfter) return handOff(turn, { reason: 'answered' });
  say(turn, { kind: 'text', text: `${turn.t('menuBot.customer.answerSaved')}\n\n${turn.t('menuBot.customer.answerHint')}` });
}

function notUnderstood(turn: BotTurn): void {
  const { session } = turn;
  session.unrecognisedInRow += 1;
  if (session.unrecognisedInRow >= UNRECOGNISED_LIMIT) return handOff(turn, { reason: 'unrecognised' });
  if (session.awaiting) {
    say(turn, { kind: 'text', text: turn.t('menuBot.customer.answerNeeded') });
    return;
  }
  say(turn, { kind: 'text', text: turn.t('menuBot.customer.notUnderstood') });
}

function rootMenu(turn: BotTurn): BotMenu {
  return turn.bot.menus.get(turn.bot.config.rootMenuId ?? '')!;
}

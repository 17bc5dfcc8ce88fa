import type { Db } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import type { NewId } from '../../platform/ids';
import type { Logger } from '../../platform/logger';
import { isAppError } from '../../platform/errors';
import type { Translate } from '../../i18n/translate';
import type { OutboundContent } from '../../conversations/outbound-content';
import type { Conversation } from '../../conversations/conversations.repository';
import { queueOutboundMessage } from '../../conversations/queue-outbound-message';
import { SOLICITED_BOT_REPLY_RULE } from '../../conversations/automatic-message-budget';
import { menuMessage } from './menu-message';
import type { BotMenu } from './menu-bot-config';
import type { BotSession, LoadedBot } from './menu-bot.repository';

export interface MenuBotDeps {
  clock: Clock;
  newId: NewId;
  logger?: Logger;
}

/** Everything one customer message's handling needs, in the handler's transaction. */
export interface BotTurn {
  tx: Db;
  deps: MenuBotDeps;
  now: number;
  conversation: Conversation;
  bot: LoadedBot;
  session: BotSession;
  language: 'en' | 'ar';
  t: Translate;
  /** Messages queued during this turn: the caller wakes the outbox after commit when there are any. */
  queued: number;
}

/**
 * Shown on the bubble as the rule that sent it (a catalogue key). Replies the customer asked for carry the rule the
 * 24-hour automatic-message budget does not count; the unsolicited greeting carries its own rule and counts.
 */
export const MENU_BOT_RULE = SOLICITED_BOT_REPLY_RULE;
export const MENU_BOT_GREETING_RULE = 'menuBot.rule.greeting';
/** Enough for the agent to read what happened; older lines are dropped so a looping customer cannot grow the row. */
const TRANSCRIPT_LINES = 60;

export function noteLine(session: BotSession, from: 'customer' | 'bot', text: string, at: number): void {
  const line = text.trim();
  if (!line) return;
  session.transcript.push({ from, text: [...line].slice(0, 500).join(''), at });
  if (session.transcript.length > TRANSCRIPT_LINES) session.transcript.splice(0, session.transcript.length - TRANSCRIPT_LINES);
}

/**
 * Queues one bot message through the shared outbox (author automation) and notes it in the transcript. The
 * outbox refuses free text once the 24-hour window has closed, or content breaking Meta's limits: the bot then
 * stays quiet rather than failing the customer's message. Returns whether it was queued.
 */
export function say(turn: BotTurn, content: OutboundContent, rule: string = MENU_BOT_RULE): boolean {
  try {
    queueOutboundMessage(
      { conversationId: turn.conversation.id, author: { type: 'automation', id: null }, content, automationRule: rule },
      { db: turn.tx, clock: turn.deps.clock, newId: turn.deps.newId },
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    turn.deps.logger?.warn('menu bot message not queued', { conversationId: turn.conversation.id, code: error.code });
    return false;
  }
  noteLine(turn.session, 'bot', transcriptText(content), turn.now);
  turn.queued += 1;
  return true;
}

export function showMenu(turn: BotTurn, menu: BotMenu, rule: string = MENU_BOT_RULE): boolean {
  turn.session.menuId = menu.id;
  return say(turn, menuMessage(menu, turn.language, turn.t), rule);
}

function transcriptText(content: OutboundContent): string {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'buttons':
      return `${content.body}\n${content.buttons.map((b) => `[${b.title}]`).join(' ')}`;
    case 'list':
      return content.body;
    default:
      return '';
  }
}

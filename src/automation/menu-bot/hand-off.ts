import type { TimelineText } from '../../i18n/timeline-text';
import { handOverToHuman } from '../../conversations/hand-over-to-human';
import { raisePriorityForBot, setTeamForBot } from '../../conversations/set-bot-state';
import { recordActionEvent } from '../../conversations/record-conversation-event';
import { say, type BotTurn } from './bot-turn';

export type HandOffReason = 'asked' | 'unrecognised' | 'frustrated' | 'sensitive' | 'option' | 'answered' | 'bot_off' | 'person_replied';

export interface HandOff {
  reason: HandOffReason;
  teamId?: string | null;
  menuOption?: string | null;
  /** Tell the customer a person is coming (not when the bot was switched off: it never spoke). */
  notify?: boolean;
}

const REASON_KEYS = {
  asked: 'menuBot.reason.asked',
  unrecognised: 'menuBot.reason.unrecognised',
  frustrated: 'menuBot.reason.frustrated',
  sensitive: 'menuBot.reason.sensitive',
  option: 'menuBot.reason.option',
  answered: 'menuBot.reason.answered',
  bot_off: 'menuBot.reason.botOff',
  person_replied: 'menuBot.reason.personReplied',
} as const;

/**
 * The bot gives the conversation to a person: says so to the customer, leaves the agent the transcript and the
 * collected answers as a timeline line, then hands over (with_bot off, menu option for routing rules, and the
 * `conversation.handed_over` event routing and assignment react to). Frustration also raises the priority to high.
 */
export function handOff(turn: BotTurn, handoff: HandOff): void {
  const { tx, conversation, session, now } = turn;
  const deps = { newId: turn.deps.newId, now };
  if (handoff.notify !== false) {
    say(turn, { kind: 'text', text: turn.t(handoff.reason === 'frustrated' ? 'menuBot.customer.handoverSorry' : 'menuBot.customer.handover') });
  }
  if (handoff.reason === 'frustrated') {
    raisePriorityForBot(tx, { conversationId: conversation.id, explanation: { key: 'menuBot.event.priorityRaised', vars: {} } }, deps);
  }
  if (handoff.teamId) setTeamForBot(tx, { conversationId: conversation.id, teamId: handoff.teamId }, now);
  const why: TimelineText = { key: REASON_KEYS[handoff.reason], vars: {} };
  const reason: TimelineText = handoff.menuOption ? { key: 'menuBot.reason.withOption', vars: { reason: why, option: handoff.menuOption } } : why;
  recordActionEvent(tx, { conversationId: conversation.id, actorId: null, content: { event: 'bot_handover', explanation: transcriptText(turn) } }, deps);
  session.state = 'handed_over';
  session.awaiting = null;
  const menuOption = handoff.menuOption ? { menuOption: handoff.menuOption } : {};
  handOverToHuman(
    tx,
    {
      conversationId: conversation.id,
      reason: `menu_bot_${handoff.reason}`,
      explanation: { key: 'menuBot.event.handedOver', vars: { reason } },
      ...menuOption,
    },
    deps,
  );
}

/** The agent's copy: the answers collected and every line of the exchange, in the viewer's language. */
export function transcriptText(turn: BotTurn): TimelineText {
  const answers: TimelineText[] = Object.entries(turn.session.answers).map(([key, value]) => ({ key: 'menuBot.event.answer', vars: { key, value } }));
  const lines: TimelineText[] = turn.session.transcript.map((line) => ({
    key: line.from === 'bot' ? 'menuBot.event.lineBot' : 'menuBot.event.lineCustomer',
    vars: { text: line.text },
  }));
  return { key: answers.length ? 'menuBot.event.transcriptWithAnswers' : 'menuBot.event.transcript', vars: { answers, lines } };
}

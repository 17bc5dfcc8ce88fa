import type { OutboundContent } from '../conversations/outbound-content';
import type { BusinessCalendar } from '../business-hours/calendar';
import { describeNextOpening, type OpeningTranslate } from '../business-hours/describe-opening';
import { createTranslator } from '../i18n/translate';
import { OUT_OF_HOURS_RULE, WELCOME_RULE, withNextOpening, type AutoReplyConfig } from './auto-reply-config';
import type { PlannedReply } from './choose-auto-reply';
import { pickVariant, type Random } from './pick-variant';
import { textIn, type ReplyLanguage } from './reply-language';

export interface BuiltReply {
  content: OutboundContent;
  /** What the bubble says fired it: a catalogue key for built-ins, the rule's name for keyword rules. */
  rule: string;
}

/** The message one planned reply sends, in the customer's language; undefined when there is nothing to say. */
export function buildAutoReplyContent(
  reply: PlannedReply,
  context: { config: AutoReplyConfig; language: ReplyLanguage; calendar: BusinessCalendar | undefined; now: number; random: Random },
): BuiltReply | undefined {
  const { config, language } = context;
  if (reply.type === 'welcome') {
    const text = textIn(config.welcome.text, language);
    return text ? { content: { kind: 'text', text }, rule: WELCOME_RULE } : undefined;
  }
  if (reply.type === 'out_of_hours') {
    const t = createTranslator(language) as unknown as OpeningTranslate;
    const opening = context.calendar ? describeNextOpening(context.calendar, context.now, language, t) : '';
    const text = withNextOpening(textIn(config.outOfHours.text, language), opening);
    return text ? { content: { kind: 'text', text }, rule: OUT_OF_HOURS_RULE } : undefined;
  }
  const variant = pickVariant(reply.rule.replies, context.random);
  const body = variant ? textIn(variant, language) : '';
  if (!body) return undefined;
  const buttons = reply.rule.buttons
    .map((button, i) => ({ id: `kw:${reply.rule.id}:${i + 1}`, title: textIn(button, language) }))
    .filter((button) => button.title);
  return { content: buttons.length ? { kind: 'buttons', body, buttons } : { kind: 'text', text: body }, rule: reply.rule.name };
}

import { SURVEY_REPLY_PREFIX } from './csat-survey-content';

/** What the handler needs of an inbound message: its kind, text and (for interactive replies) structured content. */
export interface InboundAnswer {
  kind: string;
  body: string;
  content: Record<string, unknown>;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** The id of a button or list reply, when the message is one. */
export function interactiveReplyId(content: Record<string, unknown>): string | undefined {
  const reply = content.reply;
  if (reply && typeof reply === 'object' && 'id' in reply && typeof reply.id === 'string') return reply.id;
  return undefined;
}

/**
 * The rating (1–5) an answer gives to this survey: a tap on one of its buttons or list rows, or a typed digit
 * (Western or Arabic-Indic) on its own. Undefined when it is something else.
 */
export function ratingFromAnswer(answer: InboundAnswer, surveyId: string): number | undefined {
  const id = interactiveReplyId(answer.content);
  if (id !== undefined) {
    const prefix = `${SURVEY_REPLY_PREFIX}${surveyId}:`;
    if (!id.startsWith(prefix)) return undefined;
    return ratingOf(id.slice(prefix.length));
  }
  if (answer.kind !== 'text') return undefined;
  const typed = answer.body.trim().replace(/[٠-٩]/g, (digit) => String(ARABIC_INDIC.indexOf(digit)));
  return ratingOf(typed);
}

function ratingOf(text: string): number | undefined {
  return /^[1-5]$/.test(text) ? Number(text) : undefined;
}

/** A comment is any text the customer writes after rating (the title of a tapped button counts too). */
export function commentFromAnswer(answer: InboundAnswer): string | undefined {
  const text = answer.body.trim();
  return text === '' ? undefined : text.slice(0, 2000);
}

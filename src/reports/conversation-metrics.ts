import type { BusinessCalendar } from '../business-hours/calendar';
import { businessTimeBetween } from '../business-hours/business-hours';
import { dayOfWall, DAY_MS, utcToWall, weekdayOfDay } from '../business-hours/local-time';

/** What the figures of one conversation are computed from (read by refresh-conversation-metrics.ts). */
export interface MetricsInput {
  conversation: { id: string; inboxId: string; teamId: string | null; assigneeId: string | null; contactId: string; status: string; createdAt: number; resolvedAt: number | null };
  /** Its timeline, oldest first; notes, events and reactions are passed over here. */
  messages: { direction: string; authorType: string; authorId: string | null; kind: string; sentAt: number }[];
  /** Assignees in the order they were set (null = unassigned). */
  assignees: (string | null)[];
  handedOver: boolean;
  calendar: BusinessCalendar | undefined;
  timeZone: string;
}

export interface ResponseFigure {
  agentId: string | null;
  at: number;
  ms: number;
  bms: number;
}

export interface ConversationFigures {
  firstAgentId: string | null;
  transferred: boolean;
  openedHourOfWeek: number;
  resolvedAt: number | null;
  resolutionMs: number | null;
  resolutionBms: number | null;
  firstResponderId: string | null;
  firstResponseMs: number | null;
  firstResponseBms: number | null;
  messagesIn: number;
  messagesOut: number;
  humanReplied: boolean;
  humanAssigned: boolean;
  botInvolved: boolean;
  responses: ResponseFigure[];
}

const NOT_MESSAGES = new Set(['note', 'event', 'reaction', 'system']);
const HUMAN_AUTHORS = new Set(['agent', 'business_app']);

/** Weekday × 24 + local hour (0 = Sunday 00:00–01:00) of instant `t` in the business time zone. */
export function hourOfWeek(timeZone: string, t: number): number {
  const wall = utcToWall(timeZone, t);
  const day = dayOfWall(wall);
  return weekdayOfDay(day) * 24 + Math.floor((wall - day * DAY_MS) / 3_600_000);
}

/**
 * The figures reports aggregate, for one conversation. A response is a person's message (an agent, or the owner in
 * the WhatsApp Business app) answering a waiting customer; the wait runs from the EARLIEST unanswered customer
 * message. Bot and automatic messages are not responses. Business time uses the inbox's calendar (none = calendar time).
 */
export function computeConversationFigures(input: MetricsInput): ConversationFigures {
  const { conversation, calendar } = input;
  const business = (from: number, to: number) => (calendar ? businessTimeBetween(calendar, from, to) : Math.max(0, to - from));
  let waitingSince: number | null = null;
  let messagesIn = 0;
  let messagesOut = 0;
  let humanReplied = false;
  let botInvolved = false;
  const responses: ResponseFigure[] = [];
  for (const message of input.messages) {
    if (NOT_MESSAGES.has(message.kind) || message.authorType === 'system') continue;
    if (message.direction === 'in') {
      messagesIn++;
      waitingSince ??= message.sentAt;
      continue;
    }
    messagesOut++;
    if (message.authorType === 'automation') botInvolved = true;
    if (!HUMAN_AUTHORS.has(message.authorType)) continue;
    humanReplied = true;
    if (waitingSince !== null) {
      responses.push({ agentId: message.authorId, at: message.sentAt, ms: Math.max(0, message.sentAt - waitingSince), bms: business(waitingSince, message.sentAt) });
      waitingSince = null;
    }
  }
  const people = input.assignees.filter((id): id is string => id !== null);
  if (conversation.assigneeId && people[people.length - 1] !== conversation.assigneeId) people.push(conversation.assigneeId);
  const firstAgentId = people[0] ?? null;
  const resolvedAt = conversation.status === 'resolved' ? conversation.resolvedAt : null;
  const first = responses[0];
  return {
    firstAgentId,
    transferred: people.some((id) => id !== firstAgentId),
    openedHourOfWeek: hourOfWeek(input.timeZone, conversation.createdAt),
    resolvedAt,
    resolutionMs: resolvedAt === null ? null : Math.max(0, resolvedAt - conversation.createdAt),
    resolutionBms: resolvedAt === null ? null : business(conversation.createdAt, resolvedAt),
    firstResponderId: first?.agentId ?? null,
    firstResponseMs: first?.ms ?? null,
    firstResponseBms: first?.bms ?? null,
    messagesIn,
    messagesOut,
    humanReplied,
    humanAssigned: people.length > 0,
    botInvolved: botInvolved || input.handedOver,
    responses,
  };
}

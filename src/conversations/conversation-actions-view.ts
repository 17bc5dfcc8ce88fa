import type { Db } from '../platform/db/client';
import { utcToWall } from '../business-hours/local-time';
import { getBusinessSettings } from '../settings/business-settings';
import type { ConversationSummary } from './conversation-views.repository';
import { labelsOfConversations, type LabelView } from './labels.repository';
import { listChoices, type ListChoices } from './list-choices';

/** The actions sidebar of a conversation: its current assignment, priority, labels and snooze, and the choices. */
export interface ConversationActionsView {
  conversationId: string;
  assigneeId: string | null;
  teamId: string | null;
  priority: string;
  labels: LabelView[];
  /** A sensible default for the snooze field: tomorrow 09:00 in the business time zone, as `YYYY-MM-DDTHH:mm`. */
  snoozeDefault: string;
  choices: ListChoices;
}

const DAY = 86_400_000;

export function buildConversationActionsView(db: Db, summary: ConversationSummary, now: number): ConversationActionsView {
  const { timeZone } = getBusinessSettings(db);
  const tomorrow = new Date(utcToWall(timeZone, now) + DAY).toISOString().slice(0, 10);
  return {
    conversationId: summary.id,
    assigneeId: summary.assigneeId,
    teamId: summary.teamId,
    priority: summary.priority,
    labels: labelsOfConversations(db, [summary.id]).get(summary.id) ?? [],
    snoozeDefault: `${tomorrow}T09:00`,
    choices: listChoices(db),
  };
}

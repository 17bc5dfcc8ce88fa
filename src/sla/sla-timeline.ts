import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import type { TimelineText } from '../i18n/timeline-text';
import { recordActionEvent } from '../conversations/record-conversation-event';
import type { SlaTarget } from './sla.tables';

export type SlaEventName = 'sla_warning' | 'sla_breach' | 'sla_escalation';

/** One SLA line in the conversation's timeline, rendered in each viewer's language; returns its message id. */
export function recordSlaLine(tx: Db, conversationId: string, event: SlaEventName, explanation: TimelineText, deps: { newId: NewId; now: number }): string {
  return recordActionEvent(tx, { conversationId, actorId: null, content: { event, explanation } }, deps);
}

export const targetText = (target: SlaTarget): TimelineText => ({ key: `sla.target.${target}` as TimelineText['key'], vars: {} });

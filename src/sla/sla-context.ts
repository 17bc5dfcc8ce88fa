import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import type { BusinessCalendar } from '../business-hours/calendar';
import { findCalendarDefinition } from '../business-hours/calendars/calendars.repository';
import { contacts } from '../contacts/contacts.tables';
import { conversations } from '../conversations/conversations.tables';
import { conversationLabels } from '../conversations/labels.tables';
import { calendarForInbox } from '../conversations/inbox-calendar';
import type { ConversationFacts } from './choose-sla-policy';
import type { SlaPolicy } from './sla-policies.repository';

export interface SlaConversation extends ConversationFacts {
  id: string;
  status: string;
  assigneeId: string | null;
  firstResponseAt: number | null;
  lastInboundAt: number | null;
}

/** The conversation as the SLA rules see it: what selection rules match on, plus status and the first reply. */
export function loadSlaConversation(db: Db, conversationId: string): SlaConversation | undefined {
  const row = prepared(db, 'sla.conversation', (d) =>
    d
      .select({
        id: conversations.id,
        status: conversations.status,
        priority: conversations.priority,
        teamId: conversations.teamId,
        inboxId: conversations.inboxId,
        assigneeId: conversations.assigneeId,
        firstResponseAt: conversations.firstResponseAt,
        lastInboundAt: conversations.lastInboundAt,
        vip: contacts.vip,
      })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(conversations.id, sql.placeholder('conversationId')))
      .prepare(),
  ).get({ conversationId });
  if (!row) return undefined;
  const labelIds = prepared(db, 'sla.conversationLabels', (d) =>
    d.select({ id: conversationLabels.labelId }).from(conversationLabels).where(eq(conversationLabels.conversationId, sql.placeholder('conversationId'))).prepare(),
  )
    .all({ conversationId })
    .map((l) => l.id);
  return { ...row, labelIds };
}

/** The calendar a policy's clock runs on: none (around the clock), its own calendar, or the inbox's. */
export function calendarForPolicy(db: Db, policy: Pick<SlaPolicy, 'clock' | 'calendarId'>, inboxId: string): BusinessCalendar | undefined {
  if (policy.clock === 'always') return undefined;
  return findCalendarDefinition(db, policy.calendarId) ?? calendarForInbox(db, inboxId);
}

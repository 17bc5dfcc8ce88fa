import { and, desc, eq, inArray, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { domainEvents } from '../platform/events/events.tables';
import { contacts } from '../contacts/contacts.tables';
import { conversations, messages } from '../conversations/conversations.tables';

/** The customer message automation answers, with its conversation: undefined unless it is a customer's live message. */
export function findCustomerMessage(db: Db, conversationId: string, messageId: string) {
  // Prepared: this runs for every customer message, and building the join costs more than running it.
  const row = prepared(db, 'automation.customerMessage', (d) =>
    d
      .select({
        body: messages.body,
        authorType: messages.authorType,
        messageCreatedAt: messages.createdAt,
        conversationId: conversations.id,
        inboxId: conversations.inboxId,
        contactId: conversations.contactId,
        status: conversations.status,
        assigneeId: conversations.assigneeId,
        firstResponseAt: conversations.firstResponseAt,
        withBot: conversations.withBot,
        createdAt: conversations.createdAt,
        contactLocale: contacts.locale,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(messages.id, sql.placeholder('messageId')), eq(messages.conversationId, sql.placeholder('conversationId'))))
      .prepare(),
  ).get({ messageId, conversationId });
  // Automation only ever answers customers: its own and agents' messages never trigger it (no loops).
  return row && row.authorType === 'contact' ? row : undefined;
}

/** True when the customer wrote in this conversation before the given message (stored earlier; ids break ties). */
export function hasEarlierCustomerMessage(db: Db, conversationId: string, message: { id: string; createdAt: number }): boolean {
  return Boolean(
    db
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.authorType, 'contact'),
          or(lt(messages.createdAt, message.createdAt), and(eq(messages.createdAt, message.createdAt), lt(messages.id, message.id))),
        ),
      )
      .limit(1)
      .get(),
  );
}

/** When the contact's latest other conversation in this inbox last moved; undefined when this is their first. */
export function previousConversationActivity(db: Db, inboxId: string, contactId: string, conversationId: string): number | undefined {
  const row = db
    .select({ at: sql<number | null>`max(${conversations.lastMessageAt})` })
    .from(conversations)
    .where(and(eq(conversations.inboxId, inboxId), eq(conversations.contactId, contactId), ne(conversations.id, conversationId)))
    .get();
  return row?.at ?? undefined;
}

/** When automation last sent the reply stored under this rule label in the conversation. */
export function lastAutomaticReplyAt(db: Db, conversationId: string, rule: string): number | null {
  const row = db
    .select({ at: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'automation'), sql`json_extract(${messages.content}, '$.automationRule') = ${rule}`))
    .orderBy(desc(messages.createdAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}

/** The last message a person wrote to the customer here (an agent, or the owner from the WhatsApp Business app). */
export function lastAgentReplyAt(db: Db, conversationId: string): number | null {
  const row = db
    .select({ at: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'out'),
        inArray(messages.authorType, ['agent', 'business_app']),
        notInArray(messages.kind, ['note', 'event', 'reaction']),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}

/** Whether the latest assignment of the conversation was made by a person (routing and the system record no actor). */
export function lastAssignedByPerson(db: Db, conversationId: string): boolean {
  const row = db
    .select({ payload: domainEvents.payload })
    .from(domainEvents)
    .where(and(eq(domainEvents.conversationId, conversationId), eq(domainEvents.type, 'conversation.assigned')))
    .orderBy(desc(domainEvents.id))
    .limit(1)
    .get();
  if (!row) return false;
  try {
    const payload = JSON.parse(row.payload) as { assigneeId?: unknown; actorId?: unknown };
    return typeof payload.actorId === 'string' && typeof payload.assigneeId === 'string';
  } catch {
    return false;
  }
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations, messages } from './conversations.tables';

export interface WaitingConversation {
  id: string;
  inboxId: string;
  contactId: string;
}

/** The business's last word to the customer (agent, automation or the owner's phone app), never notes or events. */
const lastBusinessMessageAt = sql<number | null>`(select max(${messages.sentAt}) from ${messages} where ${messages.conversationId} = ${conversations.id}
  and ${messages.direction} = 'out' and ${messages.authorType} in ('agent', 'automation', 'business_app') and ${messages.kind} not in ('note', 'event'))`;

/** When someone last set it to pending (its timeline line): parking an old thread starts the wait afresh. */
const pendingSince = sql<number | null>`(select max(${messages.sentAt}) from ${messages} where ${messages.conversationId} = ${conversations.id}
  and ${messages.kind} = 'event' and json_extract(${messages.content}, '$.event') = 'status_changed' and json_extract(${messages.content}, '$.to') = 'pending')`;

/**
 * Pending conversations where the business spoke last, at or before `cutoff`, the customer has not written since, and
 * nobody set them to pending after `cutoff` either: the customer has been left to answer for the whole period.
 */
export function findConversationsWaitingOnCustomer(db: Db, { cutoff, limit }: { cutoff: number; limit: number }): WaitingConversation[] {
  return db
    .select({ id: conversations.id, inboxId: conversations.inboxId, contactId: conversations.contactId })
    .from(conversations)
    .where(
      and(
        eq(conversations.status, 'pending'),
        sql`${lastBusinessMessageAt} <= ${cutoff}`,
        sql`(${conversations.lastInboundAt} is null or ${conversations.lastInboundAt} < ${lastBusinessMessageAt})`,
        sql`coalesce(${pendingSince}, 0) <= ${cutoff}`,
      ),
    )
    .orderBy(asc(conversations.lastMessageAt))
    .limit(limit)
    .all();
}

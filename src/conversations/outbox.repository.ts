import { and, asc, desc, eq, gt, inArray, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { contacts } from '../contacts/contacts.tables';
import { conversations, media, messages, outboundMessages, type MessageStatus, type OutboxStatus } from './conversations.tables';
import type { OutboxPayload } from './outbound-content';

export type OutboxRow = typeof outboundMessages.$inferSelect;

export function findConversationRecipient(db: Db, conversationId: string) {
  const row = db
    .select({ inboxId: conversations.inboxId, lastInboundAt: conversations.lastInboundAt, waId: contacts.waId, userId: contacts.userId })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(conversations.id, conversationId))
    .get();
  if (!row) return undefined;
  // WhatsApp accepts a phone number or, for username adopters without one, the BSUID.
  return { inboxId: row.inboxId, lastInboundAt: row.lastInboundAt, recipient: row.waId || row.userId || null };
}

export function findMessageInConversation(db: Db, conversationId: string, messageId: string) {
  return db
    .select({ id: messages.id, waMessageId: messages.waMessageId })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.conversationId, conversationId)))
    .get();
}

export const findMediaRow = (db: Db, mediaId: string) => db.select().from(media).where(eq(media.id, mediaId)).get();

/** Remembers Meta's id of an uploaded file so a retried send does not upload it again. */
export function setMediaWaId(db: Db, { mediaId, waMediaId, now }: { mediaId: string; waMediaId: string; now: number }) {
  db.update(media).set({ waMediaId, updatedAt: now }).where(eq(media.id, mediaId)).run();
}

export const findMediaForMessage = (db: Db, messageId: string) => db.select().from(media).where(eq(media.messageId, messageId)).get();

/** The outgoing message gets its own media row pointing at the same stored file, so the source can be anything already stored. */
export function copyMediaToMessage(db: Db, { sourceId, newId, messageId, now }: { sourceId: string; newId: string; messageId: string; now: number }) {
  const source = findMediaRow(db, sourceId)!;
  db.insert(media)
    .values({ ...source, id: newId, messageId, waMediaId: null, attempts: 0, nextAttemptAt: null, lastError: null, createdAt: now, updatedAt: now })
    .run();
}

export function setBusinessReaction(db: Db, messageId: string, emoji: string) {
  const row = db.select({ reactions: messages.reactions }).from(messages).where(eq(messages.id, messageId)).get();
  const reactions = JSON.parse(row?.reactions ?? '{}') as Record<string, string>;
  if (emoji) reactions.business = emoji;
  else delete reactions.business;
  db.update(messages).set({ reactions: JSON.stringify(reactions) }).where(eq(messages.id, messageId)).run();
}

export function insertOutboundMessageRow(
  db: Db,
  m: { id: string; conversationId: string; authorType: 'agent' | 'automation'; authorId: string | null; kind: string; body: string; content: string; replyToWaId: string | null; now: number },
) {
  db.insert(messages)
    .values({
      id: m.id,
      conversationId: m.conversationId,
      direction: 'out',
      authorType: m.authorType,
      authorId: m.authorId,
      kind: m.kind,
      body: m.body,
      content: m.content,
      replyToWaId: m.replyToWaId,
      status: 'queued',
      statusAt: m.now,
      sentAt: m.now,
      createdAt: m.now,
    })
    .run();
}

export function insertOutboxRow(db: Db, o: { id: string; messageId: string; inboxId: string; recipient: string; payload: OutboxPayload | string; now: number }) {
  db.insert(outboundMessages)
    .values({
      id: o.id,
      messageId: o.messageId,
      inboxId: o.inboxId,
      recipient: o.recipient,
      payload: typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload),
      status: 'queued',
      nextAttemptAt: o.now,
      createdAt: o.now,
      updatedAt: o.now,
    })
    .run();
}

/** `firstAgentReply`: an agent's message, which stamps first_response_at the first time (SLA, reports, queue ETA). */
export function touchConversationForOutbound(db: Db, { conversationId, preview, now, firstAgentReply = false }: { conversationId: string; preview: string | null; now: number; firstAgentReply?: boolean }) {
  const firstResponse = firstAgentReply ? { firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${now})` } : {};
  db.update(conversations)
    .set(preview === null ? { updatedAt: now, ...firstResponse } : { lastMessageAt: now, lastMessagePreview: preview.slice(0, 200), updatedAt: now, ...firstResponse })
    .where(eq(conversations.id, conversationId))
    .run();
}

/**
 * Due rows that are first in line for their recipient: an earlier row still queued (maybe waiting to retry) or being
 * sent holds back everything after it for that recipient, so each recipient sees messages in order.
 */
export function selectClaimable(db: Db, { now, inboxIds, limit }: { now: number; inboxIds: string[]; limit: number }): OutboxRow[] {
  if (inboxIds.length === 0 || limit <= 0) return [];
  const earlier = sql`exists (select 1 from outbound_messages e where e.inbox_id = ${outboundMessages.inboxId}
    and e.recipient = ${outboundMessages.recipient} and e.id < ${outboundMessages.id} and e.status in ('queued', 'sending'))`;
  return db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.status, 'queued'), lte(outboundMessages.nextAttemptAt, now), inArray(outboundMessages.inboxId, inboxIds), sql`not ${earlier}`))
    .orderBy(asc(outboundMessages.nextAttemptAt), asc(outboundMessages.id))
    .limit(limit)
    .all();
}

/** Compare-and-set claim: only a still-queued row is taken, so two workers can never both send it. */
export function claimRow(db: Db, { id, now, leaseUntil }: { id: string; now: number; leaseUntil: number }): OutboxRow | undefined {
  return db
    .update(outboundMessages)
    .set({ status: 'sending', leaseUntil, attempts: sql`${outboundMessages.attempts} + 1`, updatedAt: now })
    .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'queued')))
    .returning()
    .get();
}

export const findOutbox = (db: Db, id: string) => db.select().from(outboundMessages).where(eq(outboundMessages.id, id)).get();

export const latestOutboxForMessage = (db: Db, messageId: string) =>
  db.select().from(outboundMessages).where(eq(outboundMessages.messageId, messageId)).orderBy(desc(outboundMessages.id)).limit(1).get();

/** Moves a row from one of `from` to a new state; returns the row when it moved. */
export function transitionOutbox(db: Db, id: string, from: OutboxStatus[], patch: Partial<typeof outboundMessages.$inferInsert>) {
  return db
    .update(outboundMessages)
    .set(patch)
    .where(and(eq(outboundMessages.id, id), inArray(outboundMessages.status, from)))
    .returning()
    .get();
}

export function bringForwardQueued(db: Db, { inboxId, now }: { inboxId: string; now: number }): number {
  return db
    .update(outboundMessages)
    .set({ nextAttemptAt: now, updatedAt: now })
    .where(and(eq(outboundMessages.inboxId, inboxId), eq(outboundMessages.status, 'queued'), gt(outboundMessages.nextAttemptAt, now)))
    .returning({ id: outboundMessages.id })
    .all().length;
}

/** Rows `sending` whose lease ended before `now`, or every `sending` row when `all` (nobody else can be sending). */
export function expiredLeases(db: Db, { now, exceptIds, all = false }: { now: number; exceptIds: string[]; all?: boolean }): OutboxRow[] {
  const leaseOver = all ? undefined : lt(outboundMessages.leaseUntil, now);
  return db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.status, 'sending'), leaseOver, notInArray(outboundMessages.id, exceptIds)))
    .all();
}

export const findMessageRow = (db: Db, id: string) => db.select().from(messages).where(eq(messages.id, id)).get();

export function updateMessageDelivery(
  db: Db,
  messageId: string,
  patch: { status: MessageStatus; statusAt: number; waMessageId?: string; errorCode?: number | null; errorTitle?: string | null; errorDetail?: string | null },
) {
  db.update(messages).set(patch).where(eq(messages.id, messageId)).run();
}

export function conversationOfMessage(db: Db, messageId: string) {
  return db
    .select({ conversationId: conversations.id, lastInboundAt: conversations.lastInboundAt })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(messages.id, messageId))
    .get();
}

export function countOutbox(db: Db, status: OutboxStatus, inboxId?: string): number {
  const where = inboxId ? and(eq(outboundMessages.status, status), eq(outboundMessages.inboxId, inboxId)) : eq(outboundMessages.status, status);
  return db.select({ n: sql<number>`count(*)` }).from(outboundMessages).where(where).get()?.n ?? 0;
}

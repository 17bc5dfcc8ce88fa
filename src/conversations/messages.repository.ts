import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { media, messages } from './conversations.tables';

export type Message = typeof messages.$inferSelect;
export type Media = typeof media.$inferSelect;

export function findMessage(db: Db, id: string): Message | undefined {
  return prepared(db, 'messages.byId', (d) => d.select().from(messages).where(eq(messages.id, sql.placeholder('id'))).prepare()).get({ id });
}

export function findMessageByWaId(db: Db, waMessageId: string): Message | undefined {
  return prepared(db, 'messages.byWaId', (d) => d.select().from(messages).where(eq(messages.waMessageId, sql.placeholder('waMessageId'))).prepare()).get({ waMessageId });
}

export interface ListMessagesOptions {
  /** Keyset cursors on (sent_at, id). */
  before?: { sentAt: number; id: string };
  after?: { sentAt: number; id: string };
  limit?: number;
}

/**
 * A conversation's timeline in chronological order. With `before`, the page of older messages just before the
 * cursor (still returned oldest first), so a thread can load upwards.
 */
export function listMessages(db: Db, conversationId: string, options: ListMessagesOptions = {}): Message[] {
  const limit = options.limit ?? 100;
  const where: SQL[] = [eq(messages.conversationId, conversationId)];
  if (options.before) {
    const { sentAt, id } = options.before;
    where.push(or(lt(messages.sentAt, sentAt), and(eq(messages.sentAt, sentAt), lt(messages.id, id)))!);
    const rows = db.select().from(messages).where(and(...where)).orderBy(desc(messages.sentAt), desc(messages.id)).limit(limit).all();
    return rows.reverse();
  }
  if (options.after) {
    const { sentAt, id } = options.after;
    where.push(or(gt(messages.sentAt, sentAt), and(eq(messages.sentAt, sentAt), gt(messages.id, id)))!);
    return db.select().from(messages).where(and(...where)).orderBy(asc(messages.sentAt), asc(messages.id)).limit(limit).all();
  }
  // No cursor: the latest page.
  const rows = db.select().from(messages).where(and(...where)).orderBy(desc(messages.sentAt), desc(messages.id)).limit(limit).all();
  return rows.reverse();
}

export function listMediaForMessage(db: Db, messageId: string): Media[] {
  return db.select().from(media).where(eq(media.messageId, messageId)).all();
}

/** Parses a message's `content` JSON; a corrupt value reads as an empty object rather than breaking a page. */
export function messageContent(message: Pick<Message, 'content'>): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(message.content);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

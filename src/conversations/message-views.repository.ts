import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { media, messages } from './conversations.tables';
import type { Media, Message } from './messages.repository';

/** A timeline message with what its bubble needs beyond the row: author name, attachment, the quoted message. */
export interface TimelineMessage {
  message: Message;
  authorName: string | null;
  media: Media | null;
  quoted: Pick<Message, 'id' | 'kind' | 'body' | 'direction' | 'deletedAt'> | null;
}

export interface TimelinePage {
  messages: TimelineMessage[];
  /** True when older messages exist before the first one returned. */
  hasOlder: boolean;
}

/**
 * The latest `limit` messages of a conversation (or those just before the `before` cursor), oldest first, with
 * attachments and quoted messages fetched in two batched queries rather than one per bubble.
 */
export function listTimeline(db: Db, conversationId: string, options: { before?: { sentAt: number; id: string }; limit: number }): TimelinePage {
  const where: SQL[] = [eq(messages.conversationId, conversationId)];
  if (options.before) {
    const { sentAt, id } = options.before;
    where.push(or(lt(messages.sentAt, sentAt), and(eq(messages.sentAt, sentAt), lt(messages.id, id)))!);
  }
  const rows = db
    .select({ message: messages, authorName: users.name })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(...where))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(options.limit + 1)
    .all();
  const page = rows.slice(0, options.limit).reverse();
  return { messages: withAttachments(db, conversationId, page), hasOlder: rows.length > options.limit };
}

/** One message as the timeline shows it (e.g. the bubble appended after sending), or undefined if not there. */
export function findTimelineMessage(db: Db, conversationId: string, messageId: string): TimelineMessage | undefined {
  const row = db
    .select({ message: messages, authorName: users.name })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)))
    .get();
  return row ? withAttachments(db, conversationId, [row])[0] : undefined;
}

function withAttachments(db: Db, conversationId: string, rows: { message: Message; authorName: string | null }[]): TimelineMessage[] {
  const ids = rows.map((r) => r.message.id);
  const mediaByMessage = new Map<string, Media>();
  if (ids.length) {
    for (const item of db.select().from(media).where(inArray(media.messageId, ids)).all()) {
      if (!mediaByMessage.has(item.messageId)) mediaByMessage.set(item.messageId, item);
    }
  }
  const quotedIds = [...new Set(rows.map((r) => r.message.replyToWaId).filter((id): id is string => Boolean(id)))];
  const quotedByWaId = new Map<string, TimelineMessage['quoted'] & { waMessageId: string | null }>();
  if (quotedIds.length) {
    const quoted = db
      .select({ id: messages.id, kind: messages.kind, body: messages.body, direction: messages.direction, deletedAt: messages.deletedAt, waMessageId: messages.waMessageId })
      .from(messages)
      // Only quotes from the same conversation: a wamid never leads into another customer's thread.
      .where(and(eq(messages.conversationId, conversationId), inArray(messages.waMessageId, quotedIds)))
      .all();
    for (const q of quoted) if (q.waMessageId) quotedByWaId.set(q.waMessageId, q);
  }
  return rows.map(({ message, authorName }) => {
    const quoted = message.replyToWaId ? quotedByWaId.get(message.replyToWaId) : undefined;
    return {
      message,
      authorName,
      media: mediaByMessage.get(message.id) ?? null,
      quoted: quoted ? { id: quoted.id, kind: quoted.kind, body: quoted.body, direction: quoted.direction, deletedAt: quoted.deletedAt } : null,
    };
  });
}

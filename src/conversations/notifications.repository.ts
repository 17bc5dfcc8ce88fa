import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { canViewConversation } from './inbox-access';
import { contacts } from '../contacts/contacts.tables';
import { conversations, messages } from './conversations.tables';
import { mentions, notifications } from './notifications.tables';
import type { MentionCandidate } from './mentions';

/** Who may be mentioned in a note: active inbox users who can see the conversation (the inbox access rule). */
export function mentionableUsers(db: Db, conversation: { inboxId: string; assigneeId: string | null }): MentionCandidate[] {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['admin', 'supervisor', 'agent'])))
    .all()
    .filter((u) => canViewConversation(db, { user: u }, conversation))
    .map(({ id, name, email }) => ({ id, name, email }));
}

export function countUnreadNotifications(db: Db, userId: string): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

export interface NotificationRow {
  id: string;
  kind: string;
  conversationId: string;
  messageId: string | null;
  createdAt: number;
  readAt: number | null;
  authorName: string | null;
  noteText: string;
  /** The linked message's JSON content: an SLA notification's timeline line carries its explanation there. */
  messageContent: string | null;
  contactName: string;
  contactProfileName: string;
  contactPhone: string;
}

export function listNotifications(db: Db, userId: string, limit = 100): NotificationRow[] {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      conversationId: notifications.conversationId,
      messageId: notifications.messageId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      authorName: users.name,
      noteText: messages.body,
      messageContent: messages.content,
      contactName: contacts.name,
      contactProfileName: contacts.profileName,
      contactPhone: contacts.phone,
    })
    .from(notifications)
    .innerJoin(conversations, eq(conversations.id, notifications.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(messages, eq(messages.id, notifications.messageId))
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, noteText: r.noteText ?? '' }));
}

export function markNotificationsRead(db: Db, userId: string, now: number) {
  db.update(notifications).set({ readAt: now }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).run();
}

/** Conversations whose notes mention the user, for the list's "Mentions" view. */
export function conversationIdsMentioning(db: Db, userId: string): string[] {
  return db
    .selectDistinct({ id: messages.conversationId })
    .from(mentions)
    .innerJoin(messages, eq(messages.id, mentions.messageId))
    .where(eq(mentions.userId, userId))
    .all()
    .map((r) => r.id);
}

/**
 * Tells the user's open tabs that a notification arrived (ids only). The hub's event union does not list this fact
 * yet, so it is passed through a structural type rather than widening another module's union from here.
 */
export function publishNotificationCreated(live: { publish(event: never): void } | undefined, userId: string) {
  (live as { publish(event: { type: 'notification.created'; userId: string }): void } | undefined)?.publish({ type: 'notification.created', userId });
}

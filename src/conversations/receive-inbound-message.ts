import { eq, sql } from 'drizzle-orm';
import { prepared } from '../platform/db/prepared';
import type { Clock } from '../platform/clock';
import { runInTransaction, type Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { upsertContact, type ContactIdentity } from '../contacts/upsert-contact';
import { conversations, media, messages } from './conversations.tables';
import { findActiveConversation, findConversation, findInbox, findLatestConversation } from './conversations.repository';
import { findMessageByWaId } from './messages.repository';
import { messagePreview } from './message-preview';
import { indexContact, indexMessage } from './search/search-index';
import { appendEvent } from '../platform/events/event-store';

export interface InboundMedia {
  /** WhatsApp's media id, used by the download worker. */
  waMediaId: string;
  mimeType: string;
  /** Sender's filename: display only, never a path. */
  fileName?: string;
  /** As Meta sent it: base64 in webhooks, hex from Graph; the worker accepts either. */
  expectedSha256?: string;
}

export interface InboundMessageInput {
  inboxId: string;
  contact: ContactIdentity;
  waMessageId: string;
  kind: string;
  body: string;
  content: Record<string, unknown>;
  replyToWaId?: string | null;
  /** When it happened on WhatsApp (epoch ms). */
  sentAt: number;
  /** `business_app` = echoed from the owner's WhatsApp Business app (coexistence): stored as outgoing. */
  authorType: 'contact' | 'business_app';
  media?: InboundMedia;
  /** Imported history: lands in the thread but does not open the reply window, bump unread or reopen anything. */
  imported?: boolean;
}

export interface ReceiveResult {
  conversationId: string;
  messageId: string;
  /** True when this WhatsApp message id was stored before; nothing changed. */
  duplicate: boolean;
  /** Set when a stored history `media_placeholder` was filled in by its media follow-up. */
  upgraded?: boolean;
  /** The media row created for this message, if any (the download worker picks it up). */
  mediaId?: string;
}

export interface ReceiveDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

/**
 * Stores one WhatsApp message in its conversation: finds or creates the contact, reuses the contact's latest
 * non-resolved conversation in the inbox or opens a new one, and updates the thread's window, unread count and
 * preview. Idempotent on the WhatsApp message id. Synchronous; runs inside the caller's transaction when given one.
 */
export function receiveInboundMessage(input: InboundMessageInput, deps: ReceiveDeps): ReceiveResult {
  return runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    const existing = findMessageByWaId(tx, input.waMessageId);
    if (existing) {
      // History sends media bodies later under the SAME wamid as their placeholder: fill it in, once.
      if (existing.kind === 'media_placeholder' && input.kind !== 'media_placeholder') {
        return { ...upgradePlaceholder(tx, existing.id, existing.conversationId, input, { newId: deps.newId, now }), upgraded: true };
      }
      return { conversationId: existing.conversationId, messageId: existing.id, duplicate: true };
    }
    const inbox = findInbox(tx, input.inboxId);
    if (!inbox) throw new Error(`Unknown inbox ${input.inboxId}`);
    const contact = upsertContact(tx, input.contact, { newId: deps.newId, now });
    const fromCustomer = input.authorType === 'contact';
    const live = !input.imported;
    let conversation = findActiveConversation(tx, inbox.id, contact.id);
    // A resolved conversation still waiting for the answer to its closing question (a satisfaction survey) takes the
    // customer's next message quietly: no new conversation, no reopening, no unread badge. The module that asked
    // decides what the message was (an answer, or a new request that reopens it).
    const answering = !conversation && fromCustomer && live ? findAwaitingConversation(tx, inbox.id, contact.id, input.sentAt) : undefined;
    if (answering) conversation = answering;
    if (!conversation) {
      const id = deps.newId('cnv');
      // A thread opened only by imported history is the past: keep it out of the open queue.
      insertConversation(tx).run({ id, inboxId: inbox.id, contactId: contact.id, status: live ? 'open' : 'resolved', resolvedAt: live ? null : now, teamId: inbox.defaultTeamId, lastMessageAt: input.sentAt, now });
      conversation = findConversation(tx, id)!;
      if (live) appendEvent(tx, { type: 'conversation.opened', conversationId: id, payload: { inboxId: inbox.id, contactId: contact.id }, at: now });
    }
    const messageId = deps.newId('msg');
    insertMessage(tx).run({
      id: messageId,
      conversationId: conversation.id,
      direction: fromCustomer ? 'in' : 'out',
      authorType: input.authorType,
      kind: input.kind,
      body: input.body,
      content: JSON.stringify(input.content),
      waMessageId: input.waMessageId,
      replyToWaId: input.replyToWaId ?? null,
      status: fromCustomer ? 'received' : 'sent',
      sentAt: input.sentAt,
      now,
    });
    const mediaId = input.media ? insertMedia(tx, messageId, input.media, { newId: deps.newId, now }) : undefined;
    indexMessage(tx, { id: messageId, conversationId: conversation.id, kind: input.kind, body: input.body });
    indexContact(tx, contact.id);
    // Only a live customer message opens the reply window, counts as unread and reopens a snoozed or pending thread
    // (pending = waiting on the customer, who has now answered).
    const bump = fromCustomer && live ? 1 : 0;
    touchConversation(tx).run({ id: conversation.id, sentAt: input.sentAt, preview: messagePreview(input.kind, input.body), bump, unread: answering ? 0 : bump, now });
    const reopened = bump === 1 && (conversation.status === 'snoozed' || conversation.status === 'pending');
    if (reopened) appendEvent(tx, { type: 'conversation.status_changed', conversationId: conversation.id, payload: { from: conversation.status, to: 'open', actorId: null }, at: now });
    if (fromCustomer && live) appendEvent(tx, { type: 'message.received', conversationId: conversation.id, payload: { messageId, inboxId: inbox.id, contactId: contact.id }, at: now });
    return { conversationId: conversation.id, messageId, duplicate: false, mediaId };
  });
}

const p = <T extends string>(name: T) => sql.placeholder(name);

/** The latest conversation when it is resolved and still awaits a closing answer at `sentAt`. */
function findAwaitingConversation(tx: Db, inboxId: string, contactId: string, sentAt: number) {
  const latest = findLatestConversation(tx, inboxId, contactId);
  return latest?.status === 'resolved' && latest.awaitingAnswerUntil !== null && latest.awaitingAnswerUntil >= sentAt ? latest : undefined;
}

const insertConversation = (db: Db) =>
  prepared(db, 'receive.insertConversation', (d) =>
    d
      .insert(conversations)
      .values({
        id: p('id'),
        inboxId: p('inboxId'),
        contactId: p('contactId'),
        status: p('status'),
        resolvedAt: p('resolvedAt'),
        teamId: p('teamId'),
        lastMessageAt: p('lastMessageAt'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
  );

const insertMessage = (db: Db) =>
  prepared(db, 'receive.insertMessage', (d) =>
    d
      .insert(messages)
      .values({
        id: p('id'),
        conversationId: p('conversationId'),
        direction: p('direction'),
        authorType: p('authorType'),
        kind: p('kind'),
        body: p('body'),
        content: p('content'),
        waMessageId: p('waMessageId'),
        replyToWaId: p('replyToWaId'),
        status: p('status'),
        statusAt: p('sentAt'),
        sentAt: p('sentAt'),
        createdAt: p('now'),
      })
      .prepare(),
  );

/** One statement for every case; SET expressions read the row's old values, so "newest" compares before updating. */
const touchConversation = (db: Db) =>
  prepared(db, 'receive.touchConversation', (d) =>
    d
      .update(conversations)
      .set({
        lastMessagePreview: sql`case when ${p('sentAt')} >= ${conversations.lastMessageAt} then ${p('preview')} else ${conversations.lastMessagePreview} end`,
        lastMessageAt: sql`max(${conversations.lastMessageAt}, ${p('sentAt')})`,
        lastInboundAt: sql`case when ${p('bump')} = 1 then max(coalesce(${conversations.lastInboundAt}, 0), ${p('sentAt')}) else ${conversations.lastInboundAt} end`,
        unreadCount: sql`${conversations.unreadCount} + ${p('unread')}`,
        status: sql`case when ${p('bump')} = 1 and ${conversations.status} in ('snoozed', 'pending') then 'open' else ${conversations.status} end`,
        snoozedUntil: sql`case when ${p('bump')} = 1 and ${conversations.status} = 'snoozed' then null else ${conversations.snoozedUntil} end`,
        updatedAt: sql`${p('now')}`,
      })
      .where(eq(conversations.id, p('id')))
      .prepare(),
  );

function insertMedia(tx: Db, messageId: string, item: InboundMedia, deps: { newId: NewId; now: number }): string {
  const id = deps.newId('med');
  prepared(tx, 'receive.insertMedia', (d) =>
    d
      .insert(media)
      .values({
        id: p('id'),
        messageId: p('messageId'),
        waMediaId: p('waMediaId'),
        mimeType: p('mimeType'),
        fileName: p('fileName'),
        expectedSha256: p('expectedSha256'),
        status: 'pending',
        nextAttemptAt: p('now'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
  ).run({ id, messageId, waMediaId: item.waMediaId, mimeType: item.mimeType || 'application/octet-stream', fileName: item.fileName ?? '', expectedSha256: item.expectedSha256 ?? null, now: deps.now });
  return id;
}

function upgradePlaceholder(tx: Db, messageId: string, conversationId: string, input: InboundMessageInput, deps: { newId: NewId; now: number }) {
  tx.update(messages)
    .set({ kind: input.kind, body: input.body, content: JSON.stringify(input.content) })
    .where(eq(messages.id, messageId))
    .run();
  indexMessage(tx, { id: messageId, conversationId, kind: input.kind, body: input.body });
  const mediaId = input.media ? insertMedia(tx, messageId, input.media, deps) : undefined;
  return { conversationId, messageId, duplicate: false, mediaId };
}

import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/client';
import type { NewId } from '../platform/ids';
import { runInTransaction } from '../platform/db/client';
import type { WakeName } from '../platform/wake';
import { mediaKindFor, needsReplyWindow, type OutboundContent, type OutboxPayload } from './outbound-content';
import { validateOutboundContent } from './validate-outbound-content';
import { isReplyWindowOpen } from './reply-window';
import { createConversationNotFoundError, createMediaNotReadyError, createMessageNotFoundError, createNoRecipientError, createReplyWindowClosedError } from './conversations.errors';
import {
  copyMediaToMessage,
  findConversationRecipient,
  findMediaRow,
  findMessageInConversation,
  insertOutboundMessageRow,
  insertOutboxRow,
  setBusinessReaction,
  touchConversationForOutbound,
} from './outbox.repository';
import { indexMessage } from './search/search-index';
import { appendEvent } from '../platform/events/event-store';

export interface QueueOutboundInput {
  conversationId: string;
  author: { type: 'agent' | 'automation'; id: string | null };
  content: OutboundContent;
  /** Our message id of the message being quoted (reply context). */
  replyToMessageId?: string | null;
  /** For automatic messages: the rule that sent it (a catalogue key or a rule's name), shown on the bubble. */
  automationRule?: string;
}

export interface QueueOutboundDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  wake?: (name: WakeName) => void;
}

/**
 * Puts a message to the customer in the outbox: the message row (status `queued`) and the outbox row are written in
 * one transaction, then the delivery worker is woken. Throws AppErrors: 404 unknown conversation or quoted message,
 * 409 free-form content outside the 24-hour window, 422 content breaking Meta's limits. Nothing is stored on error.
 */
export function queueOutboundMessage(input: QueueOutboundInput, deps: QueueOutboundDeps): { messageId: string; outboxId: string } {
  const content = validateOutboundContent(input.content);
  const now = deps.clock.now();
  const result = runInTransaction(deps.db, (tx) => {
    const conversation = findConversationRecipient(tx, input.conversationId);
    if (!conversation) throw createConversationNotFoundError();
    if (!conversation.recipient) throw createNoRecipientError();
    if (needsReplyWindow(content) && !isReplyWindowOpen({ lastInboundAt: conversation.lastInboundAt, now })) throw createReplyWindowClosedError();

    let replyToWaId: string | null = null;
    if (input.replyToMessageId) {
      const quoted = findMessageInConversation(tx, input.conversationId, input.replyToMessageId);
      if (!quoted?.waMessageId) throw createMessageNotFoundError();
      replyToWaId = quoted.waMessageId;
    }

    const messageId = deps.newId('msg');
    const outboxId = deps.newId('obx');
    const payload: OutboxPayload = { content, replyToWaId };
    let kind: string = content.kind;
    let body = '';
    let reactionTarget: string | null = null;
    switch (content.kind) {
      case 'text':
        body = content.text;
        break;
      case 'media': {
        const source = findMediaRow(tx, content.mediaId);
        if (!source || source.status !== 'downloaded' || !source.contentHash) throw createMediaNotReadyError();
        kind = mediaKindFor(source.mimeType);
        body = content.caption ?? '';
        payload.content = { ...content, mediaId: deps.newId('med') };
        break;
      }
      case 'buttons':
      case 'list':
        kind = 'interactive';
        body = content.body;
        break;
      case 'template':
        body = content.name;
        break;
      case 'reaction': {
        const target = findMessageInConversation(tx, input.conversationId, content.targetMessageId);
        if (!target?.waMessageId) throw createMessageNotFoundError();
        payload.reactionToWaId = target.waMessageId;
        reactionTarget = target.id;
        body = content.emoji;
        break;
      }
    }

    insertOutboundMessageRow(tx, {
      id: messageId,
      conversationId: input.conversationId,
      authorType: input.author.type,
      authorId: input.author.id,
      kind,
      body,
      content: JSON.stringify(input.automationRule ? { ...payload.content, automationRule: input.automationRule } : payload.content),
      replyToWaId,
      now,
    });
    indexMessage(tx, { id: messageId, conversationId: input.conversationId, kind, body });
    if (content.kind === 'media' && payload.content.kind === 'media') copyMediaToMessage(tx, { sourceId: content.mediaId, newId: payload.content.mediaId, messageId, now });
    if (reactionTarget && content.kind === 'reaction') setBusinessReaction(tx, reactionTarget, content.emoji);
    insertOutboxRow(tx, { id: outboxId, messageId, inboxId: conversation.inboxId, recipient: conversation.recipient, payload, now });
    // A reaction is not a new message in the list preview; everything else moves the conversation up.
    touchConversationForOutbound(tx, { conversationId: input.conversationId, preview: content.kind === 'reaction' ? null : body, now, firstAgentReply: input.author.type === 'agent' && content.kind !== 'reaction' });
    appendEvent(tx, { type: 'message.queued', conversationId: input.conversationId, payload: { messageId, authorType: input.author.type, authorId: input.author.id }, at: now });
    return { messageId, outboxId };
  });
  deps.wake?.('outbox');
  return result;
}

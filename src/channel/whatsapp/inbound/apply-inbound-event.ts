import type { Db } from '../../../platform/db/client';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import type { LiveEvent } from '../../../platform/live-hub';
import { findMessageByWaId } from '../../../conversations/messages.repository';
import { findConversation } from '../../../conversations/conversations.repository';
import { receiveInboundMessage } from '../../../conversations/receive-inbound-message';
import { recordDeliveryStatus } from '../../../conversations/record-delivery-status';
import { applyMessageEdit, applyMessageRevoke, applyReaction } from '../../../conversations/apply-message-update';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import type { InboundEvent, MessageEvent } from './inbound-events';
import { applyAccountEvent } from './apply-account-event';

export interface ApplyContext {
  db: Db;
  newId: NewId;
  now: number;
  logger: Logger;
  /** The channel an event belongs to; throws a clear error for a number we do not have. */
  channelFor(phoneNumberId: string): WhatsappChannel;
  /** Collects counts and notes for the journal row's summary. */
  count(key: string, note?: string): void;
  /** Collects live facts; the drain loop publishes them after its transaction commits. */
  onFact?: (event: LiveEvent) => void;
}

/** A status, reaction, edit or deletion changed a message: its conversation's open views refresh. */
function messageUpdated(ctx: ApplyContext, waMessageId: string) {
  if (!ctx.onFact) return;
  const message = findMessageByWaId(ctx.db, waMessageId);
  const conversation = message ? findConversation(ctx.db, message.conversationId) : undefined;
  if (conversation) ctx.onFact({ type: 'message.updated', conversationId: conversation.id, inboxId: conversation.inboxId });
}

/** Applies one event through the conversations/contacts use cases. Runs inside the row's transaction. */
export function applyInboundEvent(event: InboundEvent, ctx: ApplyContext): void {
  const clock = { now: () => ctx.now };
  switch (event.type) {
    case 'message':
      return applyMessage(event, ctx, clock);
    case 'status': {
      ctx.channelFor(event.phoneNumberId);
      const outcome = recordDeliveryStatus({ waMessageId: event.waMessageId, status: event.status, at: event.at, errors: event.errors, callbackData: event.callbackData }, { db: ctx.db });
      if (outcome === 'applied' || outcome === 'reconciled') messageUpdated(ctx, event.waMessageId);
      ctx.count(outcome === 'applied' ? 'statuses' : outcome === 'reconciled' ? 'reconciled' : outcome === 'stale' ? 'statusesStale' : 'statusesUnknown');
      return;
    }
    case 'reaction': {
      ctx.channelFor(event.phoneNumberId);
      const outcome = applyReaction({ targetWaId: event.targetWaId, emoji: event.emoji, by: event.authorType }, { db: ctx.db });
      if (outcome !== 'unknown-target') messageUpdated(ctx, event.targetWaId);
      ctx.count(outcome === 'unknown-target' ? 'unknownTargets' : 'reactions', outcome === 'unknown-target' ? `reaction to unknown message ${event.targetWaId}` : undefined);
      return;
    }
    case 'edit': {
      ctx.channelFor(event.phoneNumberId);
      const outcome = applyMessageEdit({ targetWaId: event.targetWaId, body: event.body, content: event.content, at: event.at }, { db: ctx.db });
      if (outcome !== 'unknown-target') messageUpdated(ctx, event.targetWaId);
      ctx.count(outcome === 'unknown-target' ? 'unknownTargets' : 'edits', outcome === 'unknown-target' ? `edit of unknown message ${event.targetWaId}` : undefined);
      return;
    }
    case 'revoke': {
      ctx.channelFor(event.phoneNumberId);
      const outcome = applyMessageRevoke({ targetWaId: event.targetWaId, at: event.at }, { db: ctx.db });
      if (outcome !== 'unknown-target') messageUpdated(ctx, event.targetWaId);
      ctx.count(outcome === 'unknown-target' ? 'unknownTargets' : 'revokes', outcome === 'unknown-target' ? `deletion of unknown message ${event.targetWaId}` : undefined);
      return;
    }
    default:
      return applyAccountEvent(event, ctx);
  }
}

function applyMessage(event: MessageEvent, ctx: ApplyContext, clock: { now(): number }) {
  const channel = ctx.channelFor(event.phoneNumberId);
  const result = receiveInboundMessage(
    {
      inboxId: channel.inboxId,
      contact: event.contact,
      waMessageId: event.waMessageId,
      kind: event.kind,
      body: event.body,
      content: event.content,
      replyToWaId: event.replyToWaId,
      sentAt: event.sentAt,
      authorType: event.authorType,
      media: event.media,
      imported: event.imported,
    },
    { db: ctx.db, clock, newId: ctx.newId },
  );
  if (result.duplicate) return ctx.count('duplicates');
  ctx.onFact?.({ type: 'message.created', conversationId: result.conversationId, inboxId: channel.inboxId, direction: event.authorType === 'contact' ? 'inbound' : 'outbound' });
  ctx.count(event.imported ? 'imported' : event.authorType === 'business_app' ? 'echoes' : 'messages');
  if (result.upgraded) ctx.count('placeholdersFilled');
  if (result.mediaId) ctx.count('media');
  if (event.historyStatus) recordDeliveryStatus({ waMessageId: event.waMessageId, status: event.historyStatus, at: event.sentAt }, { db: ctx.db });
}

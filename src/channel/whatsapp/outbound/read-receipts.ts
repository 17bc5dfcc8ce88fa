import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock';
import type { Db } from '../../../platform/db/client';
import type { Logger } from '../../../platform/logger';
import { conversations, messages } from '../../../conversations/conversations.tables';
import { whatsappChannels } from '../whatsapp.tables';
import { graphClientFor, type GraphAccess } from './channel-graph';
import { acquireSendSlot, sharedSendRateLimiter, type SendRateLimiter } from './send-rate-limiter';

export interface ReadReceiptDeps extends GraphAccess {
  db: Db;
  clock: Clock;
  logger: Logger;
  limiter?: SendRateLimiter;
  sleep?: (ms: number) => Promise<void>;
}

export type ReceiptOutcome = { sent: true } | { sent: false; reason: 'no-inbound-message' | 'no-channel' | 'paused' | 'graph-error' };

/**
 * Tells the customer's phone their messages were read (blue ticks), for the newest message they sent: WhatsApp marks
 * everything before it read too. Not queued in the outbox and never inside a transaction; it shares the number's
 * send rate. Failures are logged and reported, never thrown: a missed receipt is cosmetic.
 */
export function markConversationRead(input: { conversationId: string }, deps: ReadReceiptDeps): Promise<ReceiptOutcome> {
  return sendReceipt(input.conversationId, 'read', deps);
}

/** Shows "typing…" on the customer's phone (until we reply, or 25 seconds); it also marks their messages read. */
export function sendTypingIndicator(input: { conversationId: string }, deps: ReadReceiptDeps): Promise<ReceiptOutcome> {
  return sendReceipt(input.conversationId, 'typing', deps);
}

async function sendReceipt(conversationId: string, kind: 'read' | 'typing', deps: ReadReceiptDeps): Promise<ReceiptOutcome> {
  const target = deps.db
    .select({ waMessageId: messages.waMessageId, channelId: whatsappChannels.id })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(whatsappChannels, eq(whatsappChannels.inboxId, conversations.inboxId))
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in'), eq(messages.authorType, 'contact'), isNotNull(messages.waMessageId)))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1)
    .get();
  if (!target?.waMessageId) return { sent: false, reason: 'no-inbound-message' };
  if (!target.channelId) return { sent: false, reason: 'no-channel' };
  const channel = deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.id, target.channelId)).get();
  if (!channel) return { sent: false, reason: 'no-channel' };
  if (channel.pausedAt !== null) return { sent: false, reason: 'paused' };
  await acquireSendSlot(deps.limiter ?? sharedSendRateLimiter, { key: channel.id, ratePerSecond: channel.sendRatePerSecond, now: deps.clock.now, sleep: deps.sleep ?? ((ms) => Bun.sleep(ms)) });
  const client = graphClientFor(channel, { ...deps, now: deps.clock.now, timeoutMs: deps.timeoutMs ?? 10_000 });
  try {
    if (kind === 'read') await client.markRead(channel.phoneNumberId, target.waMessageId);
    else await client.sendTypingIndicator(channel.phoneNumberId, target.waMessageId);
    return { sent: true };
  } catch (error) {
    deps.logger.warn(`whatsapp ${kind} receipt failed`, { conversationId, channelId: channel.id, error: error instanceof Error ? error.message : String(error) });
    return { sent: false, reason: 'graph-error' };
  }
}

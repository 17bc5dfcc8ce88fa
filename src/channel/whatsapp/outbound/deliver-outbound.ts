import { claimDueOutbound, markExpiredLeasesUnknown, markOutboundSent, type ClaimedOutbound } from '../../../conversations/outbox';
import { coalesce } from '../../../platform/wake';
import { findMessage } from '../../../conversations/messages.repository';
import { listChannels, type WhatsappChannel } from '../channels/whatsapp-channels.repository';
import { buildMessageBody } from '../graph/graph-api.payloads';
import { graphClientFor } from './channel-graph';
import { acquireSendSlot, sharedSendRateLimiter } from './send-rate-limiter';
import { uploadOutboundMedia } from './upload-outbound-media';
import { createFailureHandler } from './handle-send-failure';
import type { DrainReport, OutboundDeliveryDeps } from './outbound-delivery.types';

export type { DrainReport, OutboundDeliveryDeps } from './outbound-delivery.types';

/**
 * The outbox delivery worker. `drain()` sends every due row and returns when nothing more is due; calls that overlap
 * coalesce into one run. Recipients are served concurrently (bounded), each strictly in order (the claim only hands
 * out the first unsent row of a recipient), so one slow customer never holds up the others. Paused numbers are skipped
 * and their rows stay queued.
 */
export function createOutboundDelivery(deps: OutboundDeliveryDeps) {
  const limiter = deps.limiter ?? sharedSendRateLimiter;
  const sleep = deps.sleep ?? ((ms: number) => Bun.sleep(ms));
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const inFlight = new Map<string, Promise<void>>();
  const failures = createFailureHandler(deps);
  let report: DrainReport = emptyReport();

  async function sendOne({ row, payload }: ClaimedOutbound, channel: WhatsappChannel): Promise<void> {
    const log = deps.logger.child({ outboxId: row.id, channelId: channel.id });
    try {
      const client = graphClientFor(channel, { ...deps, now: deps.clock.now });
      const media = payload.content.kind === 'media' ? await uploadOutboundMedia({ row, payload, channel, client }, deps) : undefined;
      if (media === null) {
        report.failed++;
        return;
      }
      await acquireSendSlot(limiter, { key: channel.id, ratePerSecond: channel.sendRatePerSecond, now: deps.clock.now, sleep });
      const body = buildMessageBody({ to: row.recipient, payload, callbackData: row.id, media });
      const result = await client.sendMessage(channel.phoneNumberId, body);
      markOutboundSent(deps.db, { outboxId: row.id, waMessageId: result.waMessageId, now: deps.clock.now() });
      failures.recordSuccess(channel);
      report.sent++;
    } catch (error) {
      const outcome = failures.handle({ row, channel, error, log });
      report[outcome]++;
    }
    publishDeliveryChange(row.messageId, row.inboxId);
  }

  /** After the send's own commit: the bubble's ticks or error change in open conversation views. */
  function publishDeliveryChange(messageId: string, inboxId: string) {
    const message = deps.live ? findMessage(deps.db, messageId) : undefined;
    if (message) deps.live?.publish({ type: 'message.updated', conversationId: message.conversationId, inboxId });
  }

  // The first drain of this process settles the sends a killed process left mid-flight, at once.
  let startedUp = false;
  async function drainOnce(): Promise<void> {
    report.expired += markExpiredLeasesUnknown(deps.db, { now: deps.clock.now(), exceptIds: [...inFlight.keys()], all: !startedUp });
    startedUp = true;
    for (;;) {
      const now = deps.clock.now();
      const channels = new Map(listChannels(deps.db).filter((c) => c.pausedAt === null && !failures.isHeld(c.id, now)).map((c) => [c.inboxId, c]));
      const free = concurrency - inFlight.size;
      const claimed = free > 0 ? claimDueOutbound(deps.db, { now, inboxIds: [...channels.keys()], limit: free }) : [];
      for (const item of claimed) {
        const task = sendOne(item, channels.get(item.row.inboxId)!).finally(() => inFlight.delete(item.row.id));
        inFlight.set(item.row.id, task);
      }
      if (inFlight.size === 0) return;
      await Promise.race(inFlight.values());
    }
  }

  const drain = coalesce(drainOnce);
  return {
    /** Sends everything due now; resolves with what happened since the previous report was taken. */
    async drain(): Promise<DrainReport> {
      await drain();
      const done = report;
      report = emptyReport();
      return done;
    },
    /** Outbox ids being sent right now by this process. */
    inFlight: () => [...inFlight.keys()],
  };
}

export type OutboundDelivery = ReturnType<typeof createOutboundDelivery>;

const emptyReport = (): DrainReport => ({ sent: 0, failed: 0, retried: 0, dead: 0, unknown: 0, paused: 0, expired: 0 });

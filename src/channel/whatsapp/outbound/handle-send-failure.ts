import { markOutboundFailed, markOutboundUnknown, releaseOutbound, rescheduleOutbound, retryInboxQueueNow, type OutboxError } from '../../../conversations/outbox';
import type { OutboxRow } from '../../../conversations/outbox.repository';
import type { Logger } from '../../../platform/logger';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, classifySendFailure, isGraphApiError, pairRateDelayMs, retryDelayMs } from '../graph/graph-errors';
import { pauseChannelForError } from './pause-channel';
import type { DrainReport, OutboundDeliveryDeps } from './outbound-delivery.types';

/** Never retry sooner than this, so a loop cannot spin on a failing row. */
const MIN_RETRY_MS = 500;
/** During an outage the number is probed at least this often (one request), so sending resumes within seconds of Meta's return. */
const HOLD_CAP_MS = 15_000;

/**
 * Decides what a failed send does to its row and its number (reliability-security.md §3). It also keeps each
 * number's health: when different messages fail back to back (Meta down, the network gone) or Meta throttles the
 * number, the whole number is held with growing backoff and the attempts are refunded, so an outage of any length up
 * to the 24-hour age limit loses nothing. One message failing on its own while others go through uses up its own
 * attempts and goes dead after the last, without holding anyone else up.
 */
export function createFailureHandler(deps: Pick<OutboundDeliveryDeps, 'db' | 'clock' | 'newId' | 'logger' | 'random'>) {
  const random = deps.random ?? Math.random;
  const health = new Map<string, { consecutive: number; failedRows: Set<string>; holdUntil: number }>();
  const healthOf = (channelId: string) => health.get(channelId) ?? health.set(channelId, { consecutive: 0, failedRows: new Set(), holdUntil: 0 }).get(channelId)!;

  function handle({ row, channel, error, log }: { row: OutboxRow; channel: WhatsappChannel; error: unknown; log: Logger }): Exclude<keyof DrainReport, 'sent' | 'expired'> {
    const now = deps.clock.now();
    const failure = classifySendFailure(error);
    const graph = isGraphApiError(error) ? error : null;
    const outboxError: OutboxError = {
      code: graph?.code ?? null,
      title: graph?.message ?? (error instanceof Error ? error.message : String(error)),
      detail: graph?.info.details ?? graph?.info.network ?? null,
    };
    log.warn('whatsapp send failed', { action: failure.action, code: outboxError.code, httpStatus: graph?.httpStatus ?? null, network: graph?.info.network });
    switch (failure.action) {
      case 'pause':
        pauseChannelForError({ channelId: channel.id, reason: failure.reason, error: graph! }, { ...deps, now });
        releaseOutbound(deps.db, { outboxId: row.id, now });
        return 'paused';
      case 'fail':
        markOutboundFailed(deps.db, { outboxId: row.id, error: outboxError, now });
        return 'failed';
      case 'unknown':
        markOutboundUnknown(deps.db, { outboxId: row.id, error: outboxError, now });
        return 'unknown';
      case 'retry': {
        let delay: number;
        let refundAttempt = false;
        if (failure.scope === 'recipient') {
          delay = pairRateDelayMs(row.attempts, failure.retryAfterMs);
        } else {
          const h = healthOf(channel.id);
          h.consecutive++;
          if (h.failedRows.size < 1000) h.failedRows.add(row.id);
          delay = retryDelayMs({ attempt: row.attempts, retryAfterMs: failure.retryAfterMs, random });
          if (failure.scope === 'number' || h.failedRows.size >= 2) {
            const ceiling = Math.min(HOLD_CAP_MS, BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(20, h.consecutive - 1));
            const hold = Math.max(failure.retryAfterMs ?? 0, Math.floor(ceiling / 2 + (random() * ceiling) / 2));
            h.holdUntil = Math.max(h.holdUntil, now + hold);
            delay = Math.max(delay, h.holdUntil - now);
            refundAttempt = true;
          }
        }
        const { status } = rescheduleOutbound(deps.db, { outboxId: row.id, nextAttemptAt: now + Math.max(MIN_RETRY_MS, delay), error: outboxError, now, refundAttempt });
        return status === 'dead' ? 'dead' : 'retried';
      }
    }
  }

  return {
    handle,
    /** A send went through. After an outage, the number's whole backlog becomes due at once. */
    recordSuccess(channel: Pick<WhatsappChannel, 'id' | 'inboxId'>) {
      const h = healthOf(channel.id);
      const recovering = h.failedRows.size >= 2;
      h.consecutive = 0;
      h.failedRows.clear();
      h.holdUntil = 0;
      if (recovering) retryInboxQueueNow(deps.db, { inboxId: channel.inboxId, now: deps.clock.now() });
    },
    isHeld: (channelId: string, now: number) => (health.get(channelId)?.holdUntil ?? 0) > now,
  };
}

import type { Db } from '../../../platform/db/client';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import { runInTransaction } from '../../../platform/db/client';
import { recordAudit, systemActor } from '../../../audit/record-audit';
import { findChannelById, updateChannel } from '../channels/whatsapp-channels.repository';
import type { GraphApiError, PauseReason } from '../graph/graph-errors';

/**
 * Stops all sending on a number after an error no retry can fix (expired token, locked account, policy block…):
 * queued messages stay queued until an admin resumes the channel. The audit entry and the error log line are the
 * admins' alert; the settings page shows the reason. Returns false when it was already paused.
 */
export function pauseChannelForError(
  { channelId, reason, error }: { channelId: string; reason: PauseReason; error: GraphApiError },
  deps: { db: Db; newId: NewId; logger: Logger; now: number },
): boolean {
  const pausedReason = `${error.message}${error.code !== null ? ` (#${error.code})` : ''}`.slice(0, 300);
  const paused = runInTransaction(deps.db, (tx) => {
    const channel = findChannelById(tx, channelId);
    if (!channel || channel.pausedAt !== null) return false;
    updateChannel(tx, channelId, { pausedAt: deps.now, pausedReason, updatedAt: deps.now });
    recordAudit(tx, { newId: deps.newId, now: deps.now }, systemActor, {
      action: 'channel.paused',
      targetType: 'whatsapp_channel',
      targetId: channelId,
      details: { reason, code: error.code, httpStatus: error.httpStatus },
    });
    return true;
  });
  if (paused) deps.logger.error('whatsapp channel paused: sending stopped until an admin resumes it', { channelId, reason, code: error.code });
  return paused;
}

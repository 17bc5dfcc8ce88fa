import { runInTransaction } from '../../../platform/db/client';
import { recordAudit, type AuditActor } from '../../../audit/record-audit';
import { findChannelById, updateChannel } from './whatsapp-channels.repository';
import { createChannelNotFoundError } from './channels.errors';
import type { ChannelDeps } from './create-whatsapp-channel';

/**
 * Lets a paused number send again once an admin has fixed the cause (a new token, an unlocked account).
 * Wakes the outbox so messages that waited go out at once.
 */
export function resumeWhatsappChannel(channelId: string, actor: AuditActor, deps: ChannelDeps & { wake?: (name: string) => void }): { resumed: boolean } {
  const resumed = runInTransaction(deps.db, (tx) => {
    const channel = findChannelById(tx, channelId);
    if (!channel) throw createChannelNotFoundError();
    if (channel.pausedAt === null) return false;
    const now = deps.clock.now();
    updateChannel(tx, channelId, { pausedAt: null, pausedReason: null, updatedAt: now });
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'channel.resumed',
      targetType: 'whatsapp_channel',
      targetId: channelId,
      details: { pausedReason: channel.pausedReason ?? '' },
    });
    return true;
  });
  if (resumed) deps.wake?.('outbox');
  return { resumed };
}

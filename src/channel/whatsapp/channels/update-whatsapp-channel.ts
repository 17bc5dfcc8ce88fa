import { eq } from 'drizzle-orm';
import { runInTransaction } from '../../../platform/db/client';
import { recordAudit, type AuditActor } from '../../../audit/record-audit';
import { inboxes } from '../../../conversations/conversations.tables';
import { channelChangesSchema, type ChannelChangesInput } from './whatsapp-channel.schemas';
import { findChannelById, findChannelByPhoneNumberId, updateChannel, type NewWhatsappChannel } from './whatsapp-channels.repository';
import { createChannelNotFoundError, createPhoneNumberTakenError, createSandboxLockedError } from './channels.errors';
import type { ChannelDeps } from './create-whatsapp-channel';

/**
 * Saves an admin's edits. A blank token or secret keeps the stored one; a new one is audited by name only, never
 * with its value. The sandbox is managed by Rasil and refuses edits.
 */
export function updateWhatsappChannel(channelId: string, input: ChannelChangesInput, actor: AuditActor, deps: ChannelDeps): { changed: string[] } {
  const valid = channelChangesSchema.parse(input);
  return runInTransaction(deps.db, (tx) => {
    const channel = findChannelById(tx, channelId);
    if (!channel) throw createChannelNotFoundError();
    if (channel.isSandbox) throw createSandboxLockedError();
    if (valid.phoneNumberId !== channel.phoneNumberId && findChannelByPhoneNumberId(tx, valid.phoneNumberId)) throw createPhoneNumberTakenError();

    const changes: Partial<NewWhatsappChannel> = {};
    if (valid.name !== channel.name) changes.name = valid.name;
    if (valid.phoneNumberId !== channel.phoneNumberId) changes.phoneNumberId = valid.phoneNumberId;
    if (valid.wabaId !== channel.wabaId) changes.wabaId = valid.wabaId;
    if (valid.verifyToken !== channel.verifyToken) changes.verifyToken = valid.verifyToken;
    const tokenChanged = valid.accessToken !== undefined && valid.accessToken !== channel.accessToken;
    const secretChanged = valid.appSecret !== undefined && valid.appSecret !== channel.appSecret;
    if (tokenChanged) changes.accessToken = valid.accessToken;
    if (secretChanged) changes.appSecret = valid.appSecret;
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };

    const now = deps.clock.now();
    updateChannel(tx, channelId, { ...changes, updatedAt: now });
    if (changes.name) tx.update(inboxes).set({ name: changes.name, updatedAt: now }).where(eq(inboxes.id, channel.inboxId)).run();

    const audit = (action: string, details: Record<string, unknown> = {}) =>
      recordAudit(tx, { newId: deps.newId, now }, actor, { action, targetType: 'whatsapp_channel', targetId: channelId, details });
    const plainFields = changed.filter((field) => field !== 'accessToken' && field !== 'appSecret');
    if (plainFields.length) audit('channel.updated', { fields: plainFields });
    if (tokenChanged) audit('channel.token_changed');
    if (secretChanged) audit('channel.secret_changed');
    return { changed };
  });
}

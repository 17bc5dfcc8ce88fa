import type { Db } from '../../../platform/db/client';
import type { Clock } from '../../../platform/clock';
import type { NewId } from '../../../platform/ids';
import { runInTransaction } from '../../../platform/db/client';
import { newSecretToken } from '../../../platform/crypto';
import { recordAudit, type AuditActor } from '../../../audit/record-audit';
import { createInbox } from '../../../conversations/create-inbox';
import { newChannelSchema, type NewChannelInput } from './whatsapp-channel.schemas';
import { findChannelByPhoneNumberId, insertChannel } from './whatsapp-channels.repository';
import { createPhoneNumberTakenError } from './channels.errors';

export interface ChannelDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
}

/**
 * Connects a WhatsApp number: its inbox and its channel row in one transaction, so a refused number leaves nothing
 * behind. Input is validated here, so the settings form and `rasil channel add` share one set of rules.
 */
export function createWhatsappChannel(input: NewChannelInput, actor: AuditActor, deps: ChannelDeps): { channelId: string; inboxId: string; verifyToken: string } {
  const valid = newChannelSchema.parse(input);
  const verifyToken = valid.verifyToken ?? newSecretToken();
  return runInTransaction(deps.db, (tx) => {
    if (findChannelByPhoneNumberId(tx, valid.phoneNumberId)) throw createPhoneNumberTakenError();
    const now = deps.clock.now();
    const { inboxId } = createInbox({ name: valid.name }, { ...deps, db: tx });
    const channelId = deps.newId('wac');
    insertChannel(tx, {
      id: channelId,
      inboxId,
      name: valid.name,
      phoneNumberId: valid.phoneNumberId,
      wabaId: valid.wabaId,
      accessToken: valid.accessToken,
      appSecret: valid.appSecret,
      verifyToken,
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(tx, { newId: deps.newId, now }, actor, {
      action: 'channel.created',
      targetType: 'whatsapp_channel',
      targetId: channelId,
      details: { name: valid.name, phoneNumberId: valid.phoneNumberId, wabaId: valid.wabaId },
    });
    return { channelId, inboxId, verifyToken };
  });
}

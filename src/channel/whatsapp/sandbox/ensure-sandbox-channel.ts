import { runInTransaction } from '../../../platform/db/client';
import { newSecretToken } from '../../../platform/crypto';
import { recordAudit, systemActor } from '../../../audit/record-audit';
import { createInbox } from '../../../conversations/create-inbox';
import { findSandboxChannel, insertChannel, updateChannel, type WhatsappChannel } from '../channels/whatsapp-channels.repository';
import type { ChannelDeps } from '../channels/create-whatsapp-channel';

/** Ids Meta never hands out (they are far shorter than real ones), so the sandbox cannot collide with a real number. */
export const SANDBOX_PHONE_NUMBER_ID = '10000001';
export const SANDBOX_WABA_ID = '10000002';
/** A US number from the range reserved for fiction. */
export const SANDBOX_DISPLAY_NUMBER = '+1 555-0100';

/**
 * Makes sure the built-in Sandbox number exists, creating it (with its inbox and fresh random secrets) on first
 * call, and points it at the in-process fake Graph at `graphApiUrl`, which moves when the port does.
 * Safe to call at every start: the second call only refreshes the address.
 */
export function ensureSandboxChannel(deps: ChannelDeps, { graphApiUrl }: { graphApiUrl: string }): { channel: WhatsappChannel; created: boolean } {
  return runInTransaction(deps.db, (tx) => {
    const existing = findSandboxChannel(tx);
    const now = deps.clock.now();
    if (existing) {
      if (existing.graphApiUrl !== graphApiUrl) updateChannel(tx, existing.id, { graphApiUrl, updatedAt: now });
      return { channel: { ...existing, graphApiUrl }, created: false };
    }
    const { inboxId } = createInbox({ name: 'Sandbox' }, { ...deps, db: tx });
    const channel: WhatsappChannel = {
      id: deps.newId('wac'),
      inboxId,
      name: 'Sandbox',
      phoneNumberId: SANDBOX_PHONE_NUMBER_ID,
      wabaId: SANDBOX_WABA_ID,
      displayPhoneNumber: SANDBOX_DISPLAY_NUMBER,
      accessToken: newSecretToken(),
      appSecret: newSecretToken(),
      verifyToken: newSecretToken(),
      graphApiUrl,
      isSandbox: true,
      sendRatePerSecond: 80,
      pausedAt: null,
      pausedReason: null,
      createdAt: now,
      updatedAt: now,
    };
    insertChannel(tx, channel);
    recordAudit(tx, { newId: deps.newId, now }, systemActor, { action: 'channel.created', targetType: 'whatsapp_channel', targetId: channel.id, details: { sandbox: true } });
    return { channel, created: true };
  });
}

/**
 * The address the server reaches its own sandbox Graph at: loopback on the listening port (a wildcard bind
 * accepts it), the Graph version mirrored from the configured real one.
 */
export function sandboxGraphUrl({ host, port, graphApiUrl }: { host: string; port: number; graphApiUrl: string }): string {
  const version = /\/(v\d+\.\d+)\/?$/.exec(graphApiUrl)?.[1] ?? 'v24.0';
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const address = wildcard ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${address}:${port}/sandbox/graph/${version}`;
}

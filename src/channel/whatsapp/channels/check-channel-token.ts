import type { AppDeps } from '../../../deps';
import { createGraphClient, type GraphClientOptions } from '../graph/graph-api.client';
import { isGraphApiError } from '../graph/graph-errors';
import { findChannelById, updateChannel, type WhatsappChannel } from './whatsapp-channels.repository';
import { createChannelNotFoundError } from './channels.errors';
import { problemOfGraphError, type TokenCheck } from './token-check';

export interface ProbeOptions {
  /** The configured Graph base; the sandbox carries its own. */
  graphApiUrl: string;
  fetch?: GraphClientOptions['fetch'];
}

/**
 * Asks Graph about the number (`GET /{phone-number-id}`) with its stored token: the cheapest call that proves the
 * token works and the id is right. Changes nothing, so `rasil doctor` can use it on a database it only inspects.
 */
export async function probeChannelToken(channel: Pick<WhatsappChannel, 'graphApiUrl' | 'accessToken' | 'phoneNumberId'>, options: ProbeOptions): Promise<TokenCheck> {
  const graph = createGraphClient({ baseUrl: channel.graphApiUrl ?? options.graphApiUrl, accessToken: channel.accessToken, timeoutMs: 15_000, fetch: options.fetch });
  try {
    const number = await graph.getPhoneNumber(channel.phoneNumberId);
    return { ok: true, displayPhoneNumber: number.displayPhoneNumber, verifiedName: number.verifiedName };
  } catch (error) {
    if (!isGraphApiError(error)) throw error;
    const { code, subcode = null, httpStatus, network } = error.info;
    if (network) return { ok: false, problem: 'unreachable', code: null, detail: '' };
    return { ok: false, problem: problemOfGraphError(code, subcode, httpStatus), code, detail: error.message.slice(0, 300) };
  }
}

/** The settings page's "Check connection": probes, then remembers the display number Meta reports for the list. */
export async function checkChannelToken(channelId: string, deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, options: { fetch?: ProbeOptions['fetch'] } = {}): Promise<TokenCheck> {
  const channel = findChannelById(deps.db, channelId);
  if (!channel) throw createChannelNotFoundError();
  const result = await probeChannelToken(channel, { graphApiUrl: deps.config.graphApiUrl, fetch: options.fetch });
  if (result.ok && result.displayPhoneNumber && result.displayPhoneNumber !== channel.displayPhoneNumber) {
    updateChannel(deps.db, channel.id, { displayPhoneNumber: result.displayPhoneNumber, updatedAt: deps.clock.now() });
  }
  return result;
}

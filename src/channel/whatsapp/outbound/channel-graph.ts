import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import { createGraphClient, type GraphClient } from '../graph/graph-api.client';

export interface GraphAccess {
  /** The configured Graph base (RASIL_GRAPH_API_URL); a channel's own URL (the sandbox's fake) wins. */
  graphApiUrl: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  timeoutMs?: number;
  now?: () => number;
}

export function graphClientFor(channel: Pick<WhatsappChannel, 'graphApiUrl' | 'accessToken'>, access: GraphAccess): GraphClient {
  return createGraphClient({ baseUrl: channel.graphApiUrl ?? access.graphApiUrl, accessToken: channel.accessToken, fetch: access.fetch, timeoutMs: access.timeoutMs, now: access.now });
}

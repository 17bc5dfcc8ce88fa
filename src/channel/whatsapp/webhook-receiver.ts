import type { AppDeps } from '../../deps';
import { securityHeaders } from '../../platform/http/security-headers';
import { bodyLimitFor, exceedsBodyLimit } from '../../platform/http/body-limit';
import { findSigningChannel } from './webhook-signature';
import { createJournalWriter } from './webhook-journal-writer';
import { listChannelSecrets } from './webhook-journal.repository';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
const decoder = new TextDecoder();

export type WebhookReceiver = (request: Request) => Promise<Response>;

const receivers = new WeakMap<AppDeps, WebhookReceiver>();

/**
 * The POST half of Meta's webhook endpoint as a plain `Request → Response` function: check the signature over the
 * raw bytes, journal the body (group-committed) and answer 200 only once it is on disk; processing happens later.
 * `serve` mounts it directly on Bun's router, ahead of the web app's per-request work (sessions, CSRF, page
 * context, a log line per request), which an endpoint answering thousands of machine requests a second does not
 * need; the web app's route calls the same function. One per deps, so both share one group-commit writer.
 */
export function webhookReceiver(deps: AppDeps): WebhookReceiver {
  let receiver = receivers.get(deps);
  if (!receiver) receivers.set(deps, (receiver = createReceiver(deps)));
  return receiver;
}

function createReceiver(deps: AppDeps): WebhookReceiver {
  const log = deps.logger.child({ module: 'webhook' });
  const journal = createJournalWriter({ db: deps.db, newId: deps.newId, logger: log, onCommit: () => deps.wake?.('webhook-journal') });
  const limit = bodyLimitFor(WEBHOOK_PATH, deps.config.bodyLimit);
  const headers = { ...securityHeaders({ https: deps.config.publicUrl.startsWith('https:') }), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  const answer = (status: number, text: string) => new Response(text, { status, headers });
  return async (request) => {
    if (exceedsBodyLimit(request.headers, limit)) return answer(413, 'Request body too large');
    const raw = new Uint8Array(await request.arrayBuffer());
    // Bodies sent without Content-Length are only capped by Bun; measure what actually arrived.
    if (raw.byteLength > limit) return answer(413, 'Request body too large');
    const header = request.headers.get('x-hub-signature-256');
    const channel = findSigningChannel(raw, header, listChannelSecrets(deps.db));
    if (!channel) {
      // Never log the body: it is unauthenticated and may be anything.
      log.warn('webhook signature rejected', { reason: header ? 'mismatch' : 'missing', bytes: raw.byteLength });
      return answer(401, 'Invalid signature');
    }
    try {
      await journal.append({ body: decoder.decode(raw), channelId: channel.id, receivedAt: deps.clock.now() });
    } catch {
      // Not on disk (the writer logged why): a non-200 makes Meta deliver it again later.
      return answer(503, 'Temporarily unavailable');
    }
    return answer(200, 'OK');
  };
}

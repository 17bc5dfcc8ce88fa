import { Elysia } from 'elysia';
import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { bodyLimitFor } from '../../platform/http/body-limit';
import { findSigningChannel } from './webhook-signature';
import { createJournalWriter } from './webhook-journal-writer';
import { listChannelSecrets } from './webhook-journal.repository';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
const decoder = new TextDecoder();

/**
 * Meta's webhook endpoint. GET is the verification handshake; POST checks the signature over the raw bytes,
 * journals the body (group-committed) and answers 200 only once it is on disk. Processing happens later.
 */
export function webhookRoutes(deps: AppDeps) {
  const journal = createJournalWriter({ db: deps.db, newId: deps.newId, logger: deps.logger.child({ module: 'webhook' }), onCommit: () => deps.wake?.('webhook-journal') });
  return new Elysia()
    .use(webContext(deps))
    .get(
      WEBHOOK_PATH,
      ({ query, set }) => {
        const token = String(query['hub.verify_token'] ?? '');
        const challenge = String(query['hub.challenge'] ?? '');
        set.headers['content-type'] = 'text/plain; charset=utf-8';
        const known = token !== '' && listChannelSecrets(deps.db).some((c) => sameText(c.verifyToken, token));
        if (query['hub.mode'] !== 'subscribe' || !known || challenge.length > 1024) {
          deps.logger.warn('webhook verification refused', { mode: String(query['hub.mode'] ?? '') });
          set.status = 403;
          return 'Forbidden';
        }
        return challenge;
      },
      { access: 'public' },
    )
    .post(
      WEBHOOK_PATH,
      async ({ request, set }) => {
        set.headers['content-type'] = 'text/plain; charset=utf-8';
        const raw = new Uint8Array(await request.arrayBuffer());
        // Bodies sent without Content-Length are only capped by Bun; measure what actually arrived.
        if (raw.byteLength > bodyLimitFor(WEBHOOK_PATH, deps.config.bodyLimit)) {
          set.status = 413;
          return 'Request body too large';
        }
        const header = request.headers.get('x-hub-signature-256');
        const channel = findSigningChannel(raw, header, listChannelSecrets(deps.db));
        if (!channel) {
          // Never log the body: it is unauthenticated and may be anything.
          deps.logger.warn('webhook signature rejected', { reason: header ? 'mismatch' : 'missing', bytes: raw.byteLength });
          set.status = 401;
          return 'Invalid signature';
        }
        try {
          await journal.append({ body: decoder.decode(raw), channelId: channel.id, receivedAt: deps.clock.now() });
        } catch {
          // Not on disk: a non-200 makes Meta deliver it again later.
          set.status = 503;
          return 'Temporarily unavailable';
        }
        return 'OK';
      },
      { access: 'public', parse: 'none' },
    );
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

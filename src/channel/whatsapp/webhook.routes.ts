import { Elysia } from 'elysia';
import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../deps';
import { webContext } from '../../accounts/web-context.plugin';
import { listChannelSecrets } from './webhook-journal.repository';
import { WEBHOOK_PATH, webhookReceiver } from './webhook-receiver';

/** Meta's webhook endpoint. GET is the verification handshake; POST is the receiver (webhook-receiver.ts). */
export function webhookRoutes(deps: AppDeps) {
  const receive = webhookReceiver(deps);
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
    // Signature, journal and 200 after commit: the same function `serve` mounts on Bun's router directly.
    .post(WEBHOOK_PATH, ({ request }) => receive(request), { access: 'public', parse: 'none' });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

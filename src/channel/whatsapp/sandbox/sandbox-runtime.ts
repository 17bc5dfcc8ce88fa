import { Elysia } from 'elysia';
import type { AppDeps } from '../../../deps';
import { createFakeGraph, type FakeGraph } from '../fake-graph/fake-graph';
import { webhookRoutes } from '../webhook.routes';
import { WEBHOOK_PATH } from '../webhook-receiver';
import { signatureHeader } from '../webhook-signature';
import { findSandboxChannel, type WhatsappChannel } from '../channels/whatsapp-channels.repository';
import type { CustomerAction } from './customer-webhook';

/** One message the sandbox customer sent, as their phone remembers it until Rasil has stored it. */
export interface CustomerSend {
  waMessageId: string;
  phone: string;
  action: CustomerAction;
  at: number;
  /** The webhook endpoint's answer; anything but 200 means Rasil did not take it. */
  httpStatus: number;
}

export interface SandboxRuntime {
  /** Rasil's built-in Graph: the sandbox number's business replies land here. */
  fake: FakeGraph;
  /** The sandbox channel, with the fake configured to accept its token and sign with its secret. */
  channel(): WhatsappChannel | undefined;
  /** Posts a body to POST /webhooks/whatsapp in-process, signed like Meta signs it. */
  postWebhook(body: string, appSecret: string): Promise<number>;
  sends: CustomerSend[];
}

const FAKE_ORIGIN = 'http://localhost';
const runtimes = new WeakMap<object, SandboxRuntime>();

/**
 * The sandbox's in-memory half for one running app (keyed on its database handle): the fake Graph and the
 * customer's sent messages. Status webhooks from the fake and the customer's messages both go through the real
 * webhook route, in-process, so they are verified and journaled exactly like Meta's.
 */
export function sandboxFor(deps: AppDeps): SandboxRuntime {
  const existing = runtimes.get(deps.db);
  if (existing) return existing;
  const webhooks = new Elysia().use(webhookRoutes(deps));
  const deliver = async (url: string, init: RequestInit) => webhooks.handle(new Request(url, init));
  const fake = createFakeGraph({
    clock: deps.clock,
    fetch: deliver,
    logError: (message, error) => deps.logger.warn(message, { error }),
  });
  let configured = '';
  const runtime: SandboxRuntime = {
    fake,
    channel() {
      const channel = findSandboxChannel(deps.db);
      if (!channel) return undefined;
      // Secrets are read on every call, so the fake follows the channel even if its row is replaced (a restore).
      const fingerprint = `${channel.accessToken}|${channel.appSecret}|${channel.phoneNumberId}`;
      if (fingerprint !== configured) {
        fake.setAccessTokens([channel.accessToken]);
        fake.addPhoneNumber({ id: channel.phoneNumberId, wabaId: channel.wabaId, displayPhoneNumber: channel.displayPhoneNumber, verifiedName: 'Rasil Sandbox' });
        fake.configureWebhooks({ url: `${FAKE_ORIGIN}${WEBHOOK_PATH}`, appSecret: channel.appSecret });
        configured = fingerprint;
      }
      return channel;
    },
    async postWebhook(body, appSecret) {
      const response = await deliver(`${FAKE_ORIGIN}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(appSecret, body) },
        body,
      });
      await response.body?.cancel();
      return response.status;
    },
    sends: [],
  };
  runtimes.set(deps.db, runtime);
  return runtime;
}

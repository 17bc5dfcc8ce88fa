import { ensureSandboxChannel } from '../../src/channel/whatsapp/sandbox/ensure-sandbox-channel';
import { sandboxFor } from '../../src/channel/whatsapp/sandbox/sandbox-runtime';
import { processWebhookJournal } from '../../src/channel/whatsapp/inbound/process-webhook-journal';
import { createOutboundDelivery } from '../../src/channel/whatsapp/outbound/deliver-outbound';
import type { TestApp } from './test-app';

/** The test app's host: Graph calls to the sandbox URL go through `app.handle`, as the server reaches its own port. */
export const SANDBOX_GRAPH_URL = 'http://localhost/sandbox/graph/v24.0';

/**
 * Creates the Sandbox number in a test app (as `serve` does at start-up) and returns the workers a test runs by
 * hand: the journal processor and the outbox delivery, both reaching the sandbox's fake Graph in-process.
 */
export function setUpSandbox(t: TestApp) {
  const { channel } = ensureSandboxChannel(t.deps, { graphApiUrl: SANDBOX_GRAPH_URL });
  const runtime = sandboxFor(t.deps);
  const inProcess = (url: string, init: RequestInit) => t.app.handle(new Request(url, init));
  const delivery = createOutboundDelivery({ ...t.deps, graphApiUrl: t.deps.config.graphApiUrl, fetch: inProcess, readMedia: async () => new Blob([]) });
  return {
    channel,
    runtime,
    /** Fetch that answers from the app itself (for the media worker and Graph clients). */
    fetch: inProcess,
    processJournal: () => processWebhookJournal(t.deps),
    deliver: () => delivery.drain(),
    /** Waits for the fake's sent/delivered/read webhooks, then processes them. */
    settleStatuses: async () => {
      await runtime.fake.settle();
      await processWebhookJournal(t.deps);
    },
    close: () => runtime.fake.close(),
  };
}

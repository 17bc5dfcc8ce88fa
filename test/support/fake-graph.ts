import type { AppDeps } from '../../src/deps';
import { createInbox } from '../../src/conversations/create-inbox';
import { conversations, messages } from '../../src/conversations/conversations.tables';
import { contacts } from '../../src/contacts/contacts.tables';
import { insertChannel } from '../../src/channel/whatsapp/channels/whatsapp-channels.repository';
import { createFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../src/channel/whatsapp/fake-graph/fake-graph';

export const FAKE_TOKEN = 'fake-access-token';
export const FAKE_PHONE_NUMBER_ID = '106540352242922';
export const FAKE_WABA_ID = '102290129340398';

export interface RunningFakeGraph {
  fake: FakeGraph;
  /** Graph base URL including the version, as a channel stores it. */
  url: string;
  port: number;
  /** Stops listening: calls are refused (connection refused), as when Meta is unreachable. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): void;
}

/** The fake Graph API as a real HTTP server on an ephemeral port (contract 3), with one known number and token. */
export function startFakeGraph(options: FakeGraphOptions = {}): RunningFakeGraph {
  const fake = createFakeGraph({
    accessTokens: [FAKE_TOKEN],
    phoneNumbers: [{ id: FAKE_PHONE_NUMBER_ID, wabaId: FAKE_WABA_ID, displayPhoneNumber: '15550783881', verifiedName: 'Rasil Test' }],
    ...options,
  });
  let server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: fake.fetch });
  const port = server.port!;
  return {
    fake,
    url: `http://127.0.0.1:${port}/v24.0`,
    port,
    async stop() {
      await server.stop(true);
    },
    restart() {
      server = Bun.serve({ port, hostname: '127.0.0.1', fetch: fake.fetch });
    },
  };
}

export interface OutboundWorld {
  channelId: string;
  inboxId: string;
  /** Adds a customer with an open (or closed) 24-hour window; returns their conversation. */
  customer(waId: string, opts?: { lastInboundAt?: number | null; userId?: string | null }): { conversationId: string; contactId: string; inboundWaId: string };
}

/** A channel pointing at the fake Graph, plus a way to add customers who wrote in (one inbound message each). */
export function seedOutboundWorld(deps: AppDeps, { graphUrl, sendRatePerSecond = 80 }: { graphUrl: string; sendRatePerSecond?: number }): OutboundWorld {
  const { inboxId } = createInbox({ name: 'Sales' }, deps);
  const channelId = deps.newId('wac');
  const now = deps.clock.now();
  insertChannel(deps.db, {
    id: channelId,
    inboxId,
    name: 'Sales number',
    phoneNumberId: FAKE_PHONE_NUMBER_ID,
    wabaId: FAKE_WABA_ID,
    accessToken: FAKE_TOKEN,
    appSecret: 'app-secret',
    verifyToken: 'verify',
    graphApiUrl: graphUrl,
    sendRatePerSecond,
    createdAt: now,
    updatedAt: now,
  });
  return {
    channelId,
    inboxId,
    customer(waId, opts = {}) {
      const at = deps.clock.now();
      const contactId = deps.newId('con');
      deps.db.insert(contacts).values({ id: contactId, waId: opts.userId ? null : waId, userId: opts.userId ?? null, phone: waId, createdAt: at, updatedAt: at }).run();
      const conversationId = deps.newId('cnv');
      const lastInboundAt = opts.lastInboundAt === undefined ? at : opts.lastInboundAt;
      deps.db.insert(conversations).values({ id: conversationId, inboxId, contactId, status: 'open', lastInboundAt, lastMessageAt: at, createdAt: at, updatedAt: at }).run();
      const inboundWaId = `wamid.IN.${waId}.${conversationId}`;
      deps.db
        .insert(messages)
        .values({ id: deps.newId('msg'), conversationId, direction: 'in', authorType: 'contact', kind: 'text', body: 'hello', waMessageId: inboundWaId, status: 'received', sentAt: lastInboundAt ?? at, createdAt: at })
        .run();
      return { conversationId, contactId, inboundWaId };
    },
  };
}

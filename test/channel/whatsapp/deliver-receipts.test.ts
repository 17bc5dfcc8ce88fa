import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedOutboundWorld, startFakeGraph, type OutboundWorld, type RunningFakeGraph } from '../../support/fake-graph';
import { markConversationRead, sendTypingIndicator } from '../../../src/channel/whatsapp/outbound/read-receipts';
import { createSendRateLimiter } from '../../../src/channel/whatsapp/outbound/send-rate-limiter';
import { whatsappChannels } from '../../../src/channel/whatsapp/whatsapp.tables';
import { messages } from '../../../src/conversations/conversations.tables';

let t: TestApp;
let graph: RunningFakeGraph;
let world: OutboundWorld;

beforeEach(() => {
  t = createTestApp();
  graph = startFakeGraph({ clock: t.clock });
  world = seedOutboundWorld(t.deps, { graphUrl: graph.url });
});
afterEach(async () => {
  graph.fake.close();
  await graph.stop();
  t.cleanup();
});

const deps = (limiter = createSendRateLimiter()) => ({ ...t.deps, graphApiUrl: 'http://unused.invalid', limiter, sleep: async (ms: number) => t.clock.advance(ms) });

describe('read receipts and typing indicator', () => {
  test('marks the customer\'s newest message read', async () => {
    const { conversationId } = world.customer('16505550101');
    t.clock.advance(1000);
    const newest = 'wamid.IN.newest';
    t.deps.db.insert(messages).values({ id: t.deps.newId('msg'), conversationId, direction: 'in', authorType: 'contact', kind: 'text', body: 'again', waMessageId: newest, status: 'received', sentAt: t.clock.now(), createdAt: t.clock.now() }).run();
    expect(await markConversationRead({ conversationId }, deps())).toEqual({ sent: true });
    expect(graph.fake.requests.at(-1)!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: newest });
  });

  test('sends the typing indicator for the newest customer message', async () => {
    const { conversationId, inboundWaId } = world.customer('16505550102');
    expect(await sendTypingIndicator({ conversationId }, deps())).toEqual({ sent: true });
    expect(graph.fake.requests.at(-1)!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: inboundWaId, typing_indicator: { type: 'text' } });
  });

  test('does nothing for a conversation without a customer message', async () => {
    const { conversationId } = world.customer('16505550103');
    t.deps.db.delete(messages).where(eq(messages.conversationId, conversationId)).run();
    expect(await markConversationRead({ conversationId }, deps())).toEqual({ sent: false, reason: 'no-inbound-message' });
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('sends nothing while the number is paused', async () => {
    const { conversationId } = world.customer('16505550104');
    t.deps.db.update(whatsappChannels).set({ pausedAt: t.clock.now() }).where(eq(whatsappChannels.id, world.channelId)).run();
    expect(await markConversationRead({ conversationId }, deps())).toEqual({ sent: false, reason: 'paused' });
    expect(graph.fake.requests).toHaveLength(0);
  });

  test('reports a Graph failure without throwing', async () => {
    const { conversationId } = world.customer('16505550105');
    graph.fake.script({ fault: { kind: 'error', code: 131000 }, endpoint: 'read' });
    expect(await markConversationRead({ conversationId }, deps())).toEqual({ sent: false, reason: 'graph-error' });
  });

  test('draws from the number\'s send rate like messages do', async () => {
    const { conversationId } = world.customer('16505550106');
    t.deps.db.update(whatsappChannels).set({ sendRatePerSecond: 1 }).where(eq(whatsappChannels.id, world.channelId)).run();
    const limiter = createSendRateLimiter();
    const start = t.clock.now();
    await markConversationRead({ conversationId }, deps(limiter));
    await sendTypingIndicator({ conversationId }, deps(limiter));
    expect(t.clock.now() - start).toBeGreaterThanOrEqual(1000);
    expect(graph.fake.requests).toHaveLength(2);
  });
});

import { eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { createInbox } from '../../src/conversations/create-inbox';
import { receiveInboundMessage, type InboundMessageInput } from '../../src/conversations/receive-inbound-message';
import { conversations, messages, messageTemplates } from '../../src/conversations/conversations.tables';
import { whatsappChannels } from '../../src/channel/whatsapp/whatsapp.tables';

/** Builders for inbox tests: a number with its inbox, customer messages through the real use case, templates. */
let counter = 0;

/** A number with its inbox. Its Graph URL refuses connections unless a test points it at a fake. */
export function seedInbox(t: TestApp, name = 'Sales', graphApiUrl = 'http://127.0.0.1:9/v24.0') {
  counter++;
  const now = t.clock.now();
  const { inboxId } = createInbox({ name }, t.deps);
  const channelId = t.deps.newId('wac');
  t.deps.db
    .insert(whatsappChannels)
    .values({
      id: channelId,
      inboxId,
      name,
      phoneNumberId: `10000${counter}`,
      wabaId: `20000${counter}`,
      accessToken: 'test-token',
      appSecret: 'test-secret',
      verifyToken: 'test-verify',
      graphApiUrl,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { inboxId, channelId };
}

export function receive(t: TestApp, inboxId: string, input: Partial<InboundMessageInput> & { kind?: string } = {}) {
  counter++;
  return receiveInboundMessage(
    {
      inboxId,
      contact: { waId: '966500000001', userId: null, profileName: 'Sara' },
      waMessageId: `wamid.test${counter}`,
      kind: 'text',
      body: 'Hello',
      content: {},
      sentAt: t.clock.now(),
      authorType: 'contact',
      ...input,
    },
    t.deps,
  );
}

export function seedTemplate(t: TestApp, inboxId: string, { name = 'order_update', language = 'en', body = 'Hi {{1}}, order {{2}} is ready.', status = 'APPROVED' } = {}) {
  const id = t.deps.newId('tpl');
  t.deps.db
    .insert(messageTemplates)
    .values({ id, inboxId, name, language, status, category: 'UTILITY', components: JSON.stringify([{ type: 'BODY', text: body }]), syncedAt: t.clock.now() })
    .run();
  return id;
}

export const conversationRow = (t: TestApp, id: string) => t.deps.db.select().from(conversations).where(eq(conversations.id, id)).get()!;
export const messagesOf = (t: TestApp, conversationId: string) => t.deps.db.select().from(messages).where(eq(messages.conversationId, conversationId)).all();

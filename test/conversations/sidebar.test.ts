import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { conversationRow, messagesOf, receive, seedInbox } from './inbox-fixtures';
import { contacts } from '../../src/contacts/contacts.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.cleanup());

async function setup() {
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId);
  const agent = await t.signedIn('agent', { name: 'Omar' });
  await agent.client.load(`/conversations/${conversationId}`);
  return { inboxId, conversationId, agent };
}

const contactOf = (conversationId: string) => t.deps.db.select().from(contacts).where(eq(contacts.id, conversationRow(t, conversationId).contactId)).get()!;
const edit = (overrides: Record<string, string> = {}) => ({ name: 'Sara Al-Harbi', tags: 'wholesale, الرياض, wholesale', attr_key: 'city', attr_value: 'Riyadh', vip: '1', opted_in: '1', owner: '', ...overrides });

describe('contact sidebar', () => {
  test('saves name, tags, attributes, VIP, owner and opt-in, and notes it in the timeline', async () => {
    const { conversationId, agent } = await setup();
    const response = await agent.client.post(`/conversations/${conversationId}/contact`, edit({ owner: agent.userId }), { htmx: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Contact saved.');
    expect(contactOf(conversationId)).toMatchObject({ name: 'Sara Al-Harbi', tags: '["wholesale","الرياض"]', attributes: '{"city":"Riyadh"}', vip: true, optedIn: true, ownerAgentId: agent.userId });
    const events = messagesOf(t, conversationId).filter((m) => m.kind === 'event');
    expect(JSON.parse(events.at(-1)!.content)).toEqual({ event: 'contact_updated', actor: 'Omar' });
    expect(await agent.client.load(`/conversations/${conversationId}`)).toContain('Contact updated by Omar');
  });

  test('keeps repeated attribute fields paired', async () => {
    const { conversationId, agent } = await setup();
    const form = new URLSearchParams([...Object.entries(edit()).filter(([k]) => !k.startsWith('attr_')), ['attr_key', 'city'], ['attr_value', 'Jeddah'], ['attr_key', 'order'], ['attr_value', 'A-17'], ['attr_key', ''], ['attr_value', ''], ['_csrf', agent.client.csrfToken]]);
    const response = await agent.client.request(`/conversations/${conversationId}/contact`, { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(303);
    expect(JSON.parse(contactOf(conversationId).attributes)).toEqual({ city: 'Jeddah', order: 'A-17' });
  });

  test('refuses too many tags with 422, re-renders what was typed and changes nothing', async () => {
    const { conversationId, agent } = await setup();
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    const response = await agent.client.post(`/conversations/${conversationId}/contact`, edit({ tags }), { htmx: true });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Up to 20 tags of at most 30 characters each.');
    expect(html).toContain('value="Sara Al-Harbi"');
    expect(contactOf(conversationId).name).toBe('');
  });

  test('refuses an owner who is not an active teammate', async () => {
    const { conversationId, agent } = await setup();
    const analyst = await t.signedIn('analyst');
    const response = await agent.client.post(`/conversations/${conversationId}/contact`, edit({ owner: analyst.userId }), { htmx: true });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose an active teammate.');
    expect(contactOf(conversationId).ownerAgentId).toBeNull();
  });

  test('escapes hostile names and tags when shown', async () => {
    const { conversationId, agent } = await setup();
    await agent.client.post(`/conversations/${conversationId}/contact`, edit({ name: '<script>x</script>', tags: '<b>vip</b>' }), { htmx: true });
    const html = await agent.client.load(`/conversations/${conversationId}`);
    // Inside quoted attribute values (form fields) markup is inert; everywhere else it must be escaped.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>x</script>');
    expect(outsideAttributes).not.toContain('<b>vip</b>');
    expect(html).toContain('&lt;b&gt;vip&lt;/b&gt;');
  });

  test('lists the contact’s past conversations with a link and status', async () => {
    const { inboxId, conversationId, agent } = await setup();
    changeConversationStatus({ conversationId, status: 'resolved', actor: { id: agent.userId, name: 'Omar' } }, t.deps);
    t.clock.advance(60_000);
    const { conversationId: newer } = receive(t, inboxId, { body: 'Back again' });
    expect(newer).not.toBe(conversationId);
    const html = await agent.client.load(`/conversations/${newer}`);
    expect(html).toContain(`href="/conversations/${conversationId}"`);
    expect(html).toContain('Past conversations');
  });

  test('never lists the contact’s conversations in an inbox the viewer may not see', async () => {
    const { conversationId, agent } = await setup();
    // The same customer also writes to a second number whose inbox only someone else belongs to.
    const other = seedInbox(t, 'Wholesale');
    const someoneElse = await t.signedIn('agent');
    t.deps.db.insert(inboxMembers).values({ inboxId: other.inboxId, userId: someoneElse.userId, addedAt: t.clock.now() }).run();
    const { conversationId: foreign } = receive(t, other.inboxId, { body: 'Private order talk' });
    expect(conversationRow(t, foreign).contactId).toBe(conversationRow(t, conversationId).contactId);
    const html = await agent.client.load(`/conversations/${conversationId}`);
    expect(html).not.toContain(foreign);
    expect(await someoneElse.client.load(`/conversations/${foreign}`)).toContain(`href="/conversations/${conversationId}"`);
  });

  test('refuses analysts with 403', async () => {
    const { conversationId } = await setup();
    const analyst = await t.signedIn('analyst');
    await analyst.client.load('/settings/profile');
    expect((await analyst.client.post(`/conversations/${conversationId}/contact`, edit())).status).toBe(403);
    expect(contactOf(conversationId).name).toBe('');
  });

  test('answers 404 for a conversation in an inbox the agent is not a member of', async () => {
    const { inboxId, conversationId } = await setup();
    const member = await t.signedIn('agent');
    t.deps.db.insert(inboxMembers).values({ inboxId, userId: member.userId, addedAt: t.clock.now() }).run();
    const outsider = await t.signedIn('agent');
    await outsider.client.load('/settings/profile');
    expect((await outsider.client.post(`/conversations/${conversationId}/contact`, edit())).status).toBe(404);
    expect(contactOf(conversationId).name).toBe('');
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import { settings } from '../../src/settings/settings.tables';
import { conversationLabels } from '../../src/conversations/labels.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { inboxMembers } from '../../src/conversations/inbox-members.tables';
import { wakeSnoozedConversations } from '../../src/conversations/wake-snoozed-conversations';
import type { LiveEvent } from '../../src/platform/live-hub';
import { conversationRow, messagesOf, receive, seedInbox } from './inbox-fixtures';
import { seedLabel, seedTeam } from './list-fixtures';

let t: TestApp;
let published: LiveEvent[];
beforeEach(() => {
  t = createTestApp();
  published = [];
  t.deps.live!.subscribe(() => true, (event) => published.push(event));
});
afterEach(() => t.cleanup());

const events = (conversationId: string) => messagesOf(t, conversationId).filter((m) => m.kind === 'event').map((m) => JSON.parse(m.content) as Record<string, string>);

async function setup(role: 'agent' | 'supervisor' | 'admin' = 'agent') {
  const signed = await t.signedIn(role, { name: 'Omar' });
  const { inboxId } = seedInbox(t);
  const { conversationId } = receive(t, inboxId);
  await signed.client.load(`/conversations/${conversationId}`);
  return { ...signed, inboxId, conversationId };
}

describe('conversation actions', () => {
  test('assigns to an agent and a team, with timeline lines and a live update', async () => {
    const { client, conversationId } = await setup();
    const { userId: monaId } = await t.signedIn('agent', { name: 'Mona' });
    const teamId = seedTeam(t, 'Billing');
    const response = await client.post(`/conversations/${conversationId}/assign`, { assignee: monaId, team: teamId });
    expect(response.status).toBe(303);
    expect(conversationRow(t, conversationId)).toMatchObject({ assigneeId: monaId, teamId });
    expect(events(conversationId)).toEqual([
      { event: 'assigned', actor: 'Omar', assignee: 'Mona' },
      { event: 'team_assigned', actor: 'Omar', team: 'Billing' },
    ]);
    expect(published).toContainEqual({ type: 'conversation.changed', conversationId, inboxId: conversationRow(t, conversationId).inboxId });
    expect(await client.load(`/conversations/${conversationId}`)).toContain('Omar assigned the conversation to Mona.');
  });

  test('refuses to assign someone who may not see the inbox, and changes nothing', async () => {
    const { client, conversationId, inboxId, userId } = await setup();
    const { userId: outsider } = await t.signedIn('agent');
    t.deps.db.insert(inboxMembers).values({ inboxId, userId, addedAt: t.clock.now() }).run();
    const response = await client.post(`/conversations/${conversationId}/assign`, { assignee: outsider, team: 'none' });
    expect(response.status).toBe(422);
    expect(conversationRow(t, conversationId).assigneeId).toBeNull();
    expect(events(conversationId)).toEqual([]);
  });

  test('transfers to a team with a note: nobody assigned, the note in the timeline', async () => {
    const { client, conversationId, userId } = await setup();
    await client.post(`/conversations/${conversationId}/assign`, { assignee: userId, team: 'none' });
    const teamId = seedTeam(t, 'Returns');
    const response = await client.post(`/conversations/${conversationId}/transfer`, { to: `team:${teamId}`, note: 'Customer wants a refund' });
    expect(response.status).toBe(303);
    expect(conversationRow(t, conversationId)).toMatchObject({ assigneeId: null, teamId });
    expect(messagesOf(t, conversationId).find((m) => m.kind === 'note')?.body).toBe('Customer wants a refund');
    expect(events(conversationId).map((e) => e.event)).toEqual(['assigned', 'unassigned', 'team_assigned']);
  });

  test('snoozes until a local time in the business time zone; the job reopens it when due', async () => {
    const { client, conversationId } = await setup();
    t.deps.db.insert(settings).values({ key: 'business', value: JSON.stringify({ businessName: 'Rasil', timeZone: 'Asia/Riyadh', defaultLocale: 'en' }), updatedAt: t.clock.now() }).onConflictDoNothing().run();
    // FakeClock starts 2026-11-24 09:00 UTC = 12:00 in Riyadh.
    const response = await client.post(`/conversations/${conversationId}/snooze`, { until: '2026-11-24T15:30' });
    expect(response.status).toBe(303);
    const until = Date.UTC(2026, 10, 24, 12, 30);
    expect(conversationRow(t, conversationId)).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    t.clock.set(until - 1);
    expect(wakeSnoozedConversations(t.deps).woken).toBe(0);
    t.clock.set(until);
    expect(wakeSnoozedConversations(t.deps).woken).toBe(1);
    expect(conversationRow(t, conversationId)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(events(conversationId).map((e) => e.event)).toEqual(['snoozed', 'snooze_ended']);
  });

  test('the wake-up runs as a scheduled job', async () => {
    const { jobDefinitions } = await import('../../src/jobs');
    const { conversationId } = await setup();
    t.deps.db.update(conversations).set({ status: 'snoozed', snoozedUntil: t.clock.now() }).where(eq(conversations.id, conversationId)).run();
    await jobDefinitions(t.deps).find((job) => job.name === 'wake-snoozed-conversations')!.run();
    expect(conversationRow(t, conversationId).status).toBe('open');
  });

  test('refuses a snooze in the past with 422 and says why', async () => {
    const { client, conversationId } = await setup();
    const response = await client.post(`/conversations/${conversationId}/snooze`, { until: '2020-01-01T09:00' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose a date and time in the future.');
    expect(conversationRow(t, conversationId).status).toBe('open');
  });

  test('sets the priority once, refusing values outside the list', async () => {
    const { client, conversationId } = await setup();
    expect((await client.post(`/conversations/${conversationId}/priority`, { priority: 'urgent' })).status).toBe(303);
    expect((await client.post(`/conversations/${conversationId}/priority`, { priority: 'urgent' })).status).toBe(303);
    expect((await client.post(`/conversations/${conversationId}/priority`, { priority: "high' --" })).status).toBe(422);
    expect(conversationRow(t, conversationId).priority).toBe('urgent');
    expect(events(conversationId)).toEqual([{ event: 'priority_urgent', actor: 'Omar' }]);
  });

  test('adds and removes labels with a line each', async () => {
    const { client, conversationId } = await setup();
    const vip = seedLabel(t, 'VIP');
    await client.post(`/conversations/${conversationId}/labels`, { add: vip });
    const has = () => !!t.deps.db.select().from(conversationLabels).where(and(eq(conversationLabels.conversationId, conversationId), eq(conversationLabels.labelId, vip))).get();
    expect(has()).toBe(true);
    await client.post(`/conversations/${conversationId}/labels`, { remove: vip });
    expect(has()).toBe(false);
    expect(events(conversationId)).toEqual([
      { event: 'label_added', actor: 'Omar', label: 'VIP' },
      { event: 'label_removed', actor: 'Omar', label: 'VIP' },
    ]);
  });

  test('marks a read conversation unread and goes back to the list', async () => {
    const { client, conversationId } = await setup();
    expect(conversationRow(t, conversationId).unreadCount).toBe(0);
    const response = await client.post(`/conversations/${conversationId}/unread`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/conversations');
    expect(conversationRow(t, conversationId).unreadCount).toBe(1);
  });

  test('refuses analysts every action with 403 and changes nothing', async () => {
    const { conversationId } = await setup();
    const { client } = await t.signedIn('analyst');
    await client.load('/settings/profile');
    for (const [path, form] of [
      ['assign', { assignee: 'none', team: 'none' }],
      ['transfer', { to: 'team:x', note: '' }],
      ['snooze', { until: '2030-01-01T09:00' }],
      ['priority', { priority: 'urgent' }],
      ['labels', { add: 'x' }],
      ['unread', {}],
    ] as const) {
      expect((await client.post(`/conversations/${conversationId}/${path}`, form)).status).toBe(403);
    }
    expect((await client.post('/conversations/bulk', { ids: conversationId, priority: 'urgent' })).status).toBe(403);
    expect(conversationRow(t, conversationId)).toMatchObject({ priority: 'normal', status: 'open', unreadCount: 0 });
  });

  test('refuses an agent a conversation of an inbox they are not a member of with 404', async () => {
    const { conversationId, inboxId } = await setup();
    const { userId: member } = await t.signedIn('agent');
    t.deps.db.insert(inboxMembers).values({ inboxId, userId: member, addedAt: t.clock.now() }).run();
    const { client } = await t.signedIn('agent');
    expect((await client.post(`/conversations/${conversationId}/priority`, { priority: 'high' })).status).toBe(404);
    expect(conversationRow(t, conversationId).priority).toBe('normal');
  });

  test('refuses without the CSRF token', async () => {
    const { client, conversationId } = await setup();
    const response = await client.post(`/conversations/${conversationId}/priority`, { priority: 'high' }, { csrf: false });
    expect(response.status).toBe(403);
    expect(conversationRow(t, conversationId).priority).toBe('normal');
  });
});

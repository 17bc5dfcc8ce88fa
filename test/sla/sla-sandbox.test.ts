import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app';
import type { TestClient } from '../support/test-client';
import { setUpSandbox } from '../support/sandbox';
import { seedTeam } from '../conversations/list-fixtures';
import { conversationRow } from '../conversations/inbox-fixtures';
import { whatsappChannels } from '../../src/channel/whatsapp/whatsapp.tables';
import { conversations } from '../../src/conversations/conversations.tables';
import { assignConversation } from '../../src/conversations/assign-conversation';
import { addMember, MINUTE, notificationsOf, runSlaJob, seedPolicy, seedUser } from './sla-fixtures';

/**
 * SLA end to end through the sandbox number: a customer writes from the sandbox phone, Rasil ingests the webhook,
 * the event handlers start the SLA clock, and the minute job (clock moved forward) warns, breaches and escalates
 * (priority raised, then moved to the L2 team's queue) while nobody answers.
 */
const CUSTOMER = { name: 'Sara', phone: '966500000001' };

let t: TestApp;
let box: ReturnType<typeof setUpSandbox>;
let admin: TestClient;
let adminId: string;
beforeEach(async () => {
  t = createTestApp();
  box = setUpSandbox(t);
  ({ client: admin, userId: adminId } = await t.signedIn('admin', { name: 'Maha' }));
  await admin.load(`/sandbox?${new URLSearchParams(CUSTOMER)}`);
});
afterEach(() => {
  box.close();
  t.cleanup();
});

async function customerTypes(text: string) {
  expect((await admin.post('/sandbox/send', { ...CUSTOMER, action: 'text', text }, { htmx: true })).status).toBe(200);
  await box.processJournal();
  t.drainEvents();
}

describe('SLA through the sandbox', () => {
  test('an unanswered sandbox customer passes warning, breach and escalation as the clock moves; the timeline says so', async () => {
    const inboxId = t.deps.db.select().from(whatsappChannels).where(eq(whatsappChannels.isSandbox, true)).get()!.inboxId;
    const agent = seedUser(t, 'agent', 'Omar');
    const l2 = seedTeam(t, 'L2');
    const l1 = seedTeam(t, 'L1');
    addMember(t, l1, agent.userId);
    seedPolicy(t, { escalation: [{ action: 'raise_priority', delayMinutes: 0 }, { action: 'reassign_team', delayMinutes: 15, teamId: l2 }] });

    await customerTypes('My order never arrived!');
    const conversationId = t.deps.db.select().from(conversations).where(eq(conversations.inboxId, inboxId)).get()!.id;
    assignConversation({ conversationId, assigneeId: agent.userId, teamId: l1, actor: { id: adminId, name: 'Maha', role: 'admin' }, overrideCapacity: true }, t.deps);
    t.drainEvents();

    t.clock.advance(25 * MINUTE);
    expect(runSlaJob(t).warned).toBe(1);
    t.clock.advance(6 * MINUTE);
    expect(runSlaJob(t)).toMatchObject({ breached: 1, escalationSteps: 1 });
    expect(notificationsOf(t, agent.userId).map((n) => n.kind)).toEqual(['sla_warning', 'sla_breach']);
    expect(conversationRow(t, conversationId)).toMatchObject({ priority: 'high', slaState: 'breached' });
    t.clock.advance(15 * MINUTE);
    expect(runSlaJob(t).escalationSteps).toBe(1);
    expect(conversationRow(t, conversationId)).toMatchObject({ teamId: l2, assigneeId: null });

    const page = await admin.load(`/conversations/${conversationId}`);
    expect(page).toContain('My order never arrived!');
    expect(page).toMatch(/first response/i);
    expect(page).toMatch(/L2/);
  });
});

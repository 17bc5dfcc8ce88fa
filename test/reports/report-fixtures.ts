import type { TestApp } from '../support/test-app';
import { receive, seedInbox } from '../conversations/inbox-fixtures';
import { queueOutboundMessage } from '../../src/conversations/queue-outbound-message';
import { changeConversationStatus } from '../../src/conversations/change-conversation-status';
import { assignConversation } from '../../src/conversations/assign-conversation';
import { createUser } from '../../src/accounts/create-user';
import { backfillReportMetrics } from '../../src/reports/reports.on-domain-events';

export const MINUTE = 60_000;
/** Tuesday 24 November 2026, 09:00 UTC (the business time zone stays UTC unless a test sets one). */
export const TUESDAY_9 = Date.UTC(2026, 10, 24, 9, 0, 0);
export const WEDNESDAY = Date.UTC(2026, 10, 25, 0, 0, 0);

export type Step = { at: number; in: true } | { at: number; agent: string } | { at: number; bot: true } | { at: number; resolve: true } | { at: number; assign: string };

let contacts = 0;

export async function seedAgent(t: TestApp, name: string): Promise<string> {
  contacts++;
  const { userId } = await createUser({ email: `${name.toLowerCase()}${contacts}@example.com`, name, role: 'agent', password: 'correct horse battery' }, { id: null, label: 'test' }, t.deps);
  return userId;
}

/** Plays a conversation's script: minutes are relative to `start`; `waId` picks the customer (same waId = same contact). */
export function play(t: TestApp, inboxId: string, waId: string, start: number, steps: Step[]): string {
  let conversationId = '';
  const admin = { id: 'usr_system', name: 'Admin', role: 'admin' as const };
  for (const step of steps) {
    t.clock.set(start + step.at * MINUTE);
    if ('in' in step) conversationId = receive(t, inboxId, { contact: { waId, userId: null, profileName: `Customer ${waId}` }, sentAt: t.clock.now() }).conversationId;
    else if ('agent' in step) queueOutboundMessage({ conversationId, author: { type: 'agent', id: step.agent }, content: { kind: 'text', text: 'On it' } }, t.deps);
    else if ('bot' in step) queueOutboundMessage({ conversationId, author: { type: 'automation', id: null }, content: { kind: 'text', text: 'Hello from the bot' } }, t.deps);
    else if ('assign' in step) assignConversation({ conversationId, assigneeId: step.assign, actor: admin }, t.deps);
    else changeConversationStatus({ conversationId, status: 'resolved', actor: { id: null, name: 'Agent' } }, t.deps);
  }
  return conversationId;
}

/**
 * The small data set the figures tests check by hand (see report-figures.test.ts for the expected numbers):
 * five conversations over Tuesday and Wednesday, two agents, one bot-only conversation and one repeat contact.
 */
export async function seedReportData(t: TestApp) {
  const { inboxId } = seedInbox(t, 'Shop');
  const amal = await seedAgent(t, 'Amal');
  const badr = await seedAgent(t, 'Badr');
  const c1 = play(t, inboxId, '966500000101', TUESDAY_9, [{ at: 0, in: true }, { at: 1, assign: amal }, { at: 2, agent: amal }, { at: 10, in: true }, { at: 30, agent: amal }, { at: 60, resolve: true }]);
  const c2 = play(t, inboxId, '966500000102', TUESDAY_9 + 60 * MINUTE, [{ at: 0, in: true }, { at: 1, assign: badr }, { at: 10, agent: badr }]);
  const c3 = play(t, inboxId, '966500000103', TUESDAY_9 + 120 * MINUTE, [{ at: 0, in: true }, { at: 1, assign: badr }, { at: 5, assign: amal }, { at: 20, agent: amal }, { at: 30, resolve: true }]);
  const c4 = play(t, inboxId, '966500000104', WEDNESDAY + 14 * 60 * MINUTE, [{ at: 0, in: true }, { at: 0, bot: true }, { at: 5, resolve: true }]);
  const c5 = play(t, inboxId, '966500000101', WEDNESDAY + 15 * 60 * MINUTE, [{ at: 0, in: true }]);
  backfillReportMetrics(t.deps);
  return { inboxId, amal, badr, conversations: [c1, c2, c3, c4, c5] };
}

import { and, eq, isNull } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { saveSlaPolicy } from '../../src/sla/manage-sla-policies';
import type { SlaPolicyInput } from '../../src/sla/sla-policy-form';
import { slaClocks } from '../../src/sla/sla.tables';
import { teamMembers } from '../../src/teams/teams.tables';
import { notifications } from '../../src/conversations/notifications.tables';
import { messagesOf } from '../conversations/inbox-fixtures';
import { checkSla } from '../../src/sla/check-sla.job';
import { users, type Role } from '../../src/accounts/accounts.tables';

export const MINUTE = 60_000;
const cli = { id: null, label: 'test' };

/** A policy with 30-minute first response around the clock unless overridden. */
export function seedPolicy(t: TestApp, overrides: Partial<SlaPolicyInput> = {}): string {
  const input: SlaPolicyInput = {
    name: 'Standard',
    firstResponseMinutes: 30,
    nextResponseMinutes: null,
    resolutionMinutes: null,
    clock: 'always',
    calendarId: null,
    warningPercent: 80,
    escalation: [],
    match: {},
    position: 0,
    isDefault: true,
    ...overrides,
  };
  return saveSlaPolicy(input, null, cli, t.deps).policyId;
}

export const SEEDED_PASSWORD = 'seeded password';
// A deliberately cheap hash: the real cost makes each signed-in user take seconds on a busy machine.
const cheapHash = Bun.password.hashSync(SEEDED_PASSWORD, { algorithm: 'bcrypt', cost: 4 });

/** A user straight in the table, signing in with SEEDED_PASSWORD at `<id>@example.com`. */
export function seedUser(t: TestApp, role: Role, name: string): { userId: string } {
  const userId = t.deps.newId('usr');
  const now = t.clock.now();
  t.deps.db.insert(users).values({ id: userId, email: `${userId}@example.com`, name, role, passwordHash: cheapHash, createdAt: now, updatedAt: now }).run();
  return { userId };
}

/** A seeded user with a signed-in client (cheap, see seedUser). */
export async function signInSeeded(t: TestApp, role: Role, name = `${role} user`) {
  const { userId } = seedUser(t, role, name);
  const client = t.client();
  await client.signIn(`${userId}@example.com`, SEEDED_PASSWORD);
  return { client, userId };
}

export function addMember(t: TestApp, teamId: string, userId: string) {
  t.deps.db.insert(teamMembers).values({ teamId, userId, addedAt: t.clock.now() }).run();
}

/** Runs the SLA job as the scheduler would, then lets event handlers react to what it appended. */
export function runSlaJob(t: TestApp) {
  const result = checkSla(t.deps);
  t.drainEvents();
  return result;
}

export const clocksOf = (t: TestApp, conversationId: string) => t.deps.db.select().from(slaClocks).where(eq(slaClocks.conversationId, conversationId)).all();
export const runningClock = (t: TestApp, conversationId: string, target: string) =>
  t.deps.db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.conversationId, conversationId), eq(slaClocks.target, target as 'first_response'), isNull(slaClocks.stoppedAt)))
    .get();

export const notificationsOf = (t: TestApp, userId: string) =>
  t.deps.db
    .select({ kind: notifications.kind, conversationId: notifications.conversationId })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all();

/** The SLA lines of a timeline, as their explanation keys, oldest first. */
export function slaLines(t: TestApp, conversationId: string): string[] {
  return messagesOf(t, conversationId)
    .filter((m) => m.kind === 'event')
    .map((m) => JSON.parse(m.content) as { event: string; explanation?: { key: string } })
    .filter((c) => c.event.startsWith('sla_'))
    .map((c) => c.explanation?.key ?? '');
}

import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { users, type Role } from '../../src/accounts/accounts.tables';
import { teamMembers, teams } from '../../src/teams/teams.tables';
import { agentRouting, teamPolicies } from '../../src/teams/team-policies.tables';
import { conversations, inboxes, messages } from '../../src/conversations/conversations.tables';
import { contacts } from '../../src/contacts/contacts.tables';
import { recordHeartbeat } from '../../src/live/presence.repository';
import { seedInbox, receive } from '../conversations/inbox-fixtures';

/** Builders for the DB-backed assigner: agents inserted directly (no password hashing), teams, presence, customers. */
let counter = 0;

export function seedAgent(t: TestApp, name: string, role: Role = 'agent'): string {
  counter++;
  const id = t.deps.newId('usr');
  const now = t.clock.now();
  t.deps.db.insert(users).values({ id, email: `agent${counter}-${id}@example.com`, name, role, passwordHash: 'x', createdAt: now, updatedAt: now }).run();
  return id;
}

/** A tab that was just used: effectively online for the next 90 seconds. */
export function online(t: TestApp, ...userIds: string[]) {
  for (const userId of userIds) recordHeartbeat(t.deps.db, userId, { now: t.clock.now(), active: true });
}

export function seedTeam(t: TestApp, name: string, memberIds: readonly string[], policy: Partial<typeof teamPolicies.$inferInsert> = {}): string {
  const id = t.deps.newId('team');
  const now = t.clock.now();
  t.deps.db.insert(teams).values({ id, name, createdAt: now, updatedAt: now }).run();
  for (const userId of memberIds) t.deps.db.insert(teamMembers).values({ teamId: id, userId, addedAt: now }).run();
  if (Object.keys(policy).length > 0) t.deps.db.insert(teamPolicies).values({ teamId: id, updatedAt: now, ...policy }).run();
  return id;
}

export function setCapacity(t: TestApp, userId: string, capacity: number | null, skills: string[] = []) {
  t.deps.db
    .insert(agentRouting)
    .values({ userId, capacity, skills: JSON.stringify(skills), updatedAt: t.clock.now() })
    .onConflictDoUpdate({ target: agentRouting.userId, set: { capacity, skills: JSON.stringify(skills) } })
    .run();
}

/** An inbox whose conversations go to `teamId` (its default team): routing without rules. */
export function seedTeamInbox(t: TestApp, teamId: string | null, name = `Inbox ${++counter}`) {
  const { inboxId } = seedInbox(t, name);
  t.deps.db.update(inboxes).set({ defaultTeamId: teamId }).where(eq(inboxes.id, inboxId)).run();
  return inboxId;
}

/** A new customer's first message (a new conversation); returns its id. */
export function newCustomer(t: TestApp, inboxId: string, n: number, body = 'Hello'): string {
  return receive(t, inboxId, { contact: { waId: `9665${String(n).padStart(8, '0')}`, userId: null, profileName: `Customer ${n}` }, body }).conversationId;
}

export const row = (t: TestApp, id: string) => t.deps.db.select().from(conversations).where(eq(conversations.id, id)).get()!;

export const assignedTo = (t: TestApp, userId: string) =>
  t.deps.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.assigneeId, userId), eq(conversations.status, 'open'))).all().length;

/** The assigner's timeline lines (explanations) of a conversation, oldest first. */
export function decisions(t: TestApp, conversationId: string): { key: string; vars: Record<string, unknown>; assigneeId: string | null }[] {
  return t.deps.db
    .select({ content: messages.content })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.kind, 'event')))
    .orderBy(messages.sentAt, messages.id)
    .all()
    .map((m) => JSON.parse(m.content))
    .filter((c) => c.event === 'assignment_decision')
    .map((c) => ({ ...c.explanation, assigneeId: c.assigneeId }));
}

export function makeVip(t: TestApp, conversationId: string, ownerAgentId: string | null) {
  const { contactId } = row(t, conversationId);
  t.deps.db.update(contacts).set({ vip: true, ownerAgentId }).where(eq(contacts.id, contactId)).run();
}

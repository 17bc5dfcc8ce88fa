import { eq, inArray, isNull, and } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { users } from '../accounts/accounts.tables';
import { INBOX_USERS } from '../accounts/access-policy';
import { agentPresence } from './presence.tables';
import { appendEvent } from '../platform/events/event-store';
import { effectivePresence } from './presence-rule';
import type { PresenceStatus } from './live-events';

export interface AgentPresence {
  userId: string;
  name: string;
  role: string;
  status: PresenceStatus;
  chosenStatus: PresenceStatus | null;
}

export interface PresenceChange {
  userId: string;
  status: PresenceStatus;
}

function upsert(db: Db, userId: string, now: number, values: Partial<typeof agentPresence.$inferInsert>) {
  db.insert(agentPresence)
    .values({ userId, updatedAt: now, ...values })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { ...values, updatedAt: now } })
    .run();
}

/** A tab says it is open (and whether its user touched it lately); returns the change to publish, if any. */
export function recordHeartbeat(db: Db, userId: string, { now, active }: { now: number; active: boolean }): PresenceChange | undefined {
  upsert(db, userId, now, active ? { lastHeartbeatAt: now, lastActivityAt: now } : { lastHeartbeatAt: now });
  return refreshOne(db, userId, now);
}

/** The agent picks a status from the top bar or the API; `null` returns to automatic. */
export function chooseStatus(db: Db, userId: string, { now, status }: { now: number; status: PresenceStatus | null }): PresenceChange | undefined {
  upsert(db, userId, now, { chosenStatus: status });
  return refreshOne(db, userId, now);
}

function refreshOne(db: Db, userId: string, now: number): PresenceChange | undefined {
  const row = db.select().from(agentPresence).where(eq(agentPresence.userId, userId)).get();
  if (!row) return undefined;
  const status = effectivePresence(row, now);
  if (status === row.status) return undefined;
  db.update(agentPresence).set({ status, statusSince: now, updatedAt: now }).where(eq(agentPresence.userId, userId)).run();
  // Assignment reacts: an agent coming online takes from the queue; one going away hands work back after a grace.
  appendEvent(db, { type: 'agent.availability_changed', payload: { userId, status }, at: now });
  return { userId, status };
}

/** The presence job: recompute every row (time alone turns online into away into offline); returns what changed. */
export function recomputePresence(db: Db, now: number): PresenceChange[] {
  const changes: PresenceChange[] = [];
  for (const row of db.select({ userId: agentPresence.userId }).from(agentPresence).all()) {
    const change = refreshOne(db, row.userId, now);
    if (change) changes.push(change);
  }
  return changes;
}

/** Every enabled inbox user with their effective status at `now` (never seen = offline): what assignment reads. */
export function listAgentPresence(db: Db, now: number): AgentPresence[] {
  const rows = db
    .select({ userId: users.id, name: users.name, role: users.role, chosenStatus: agentPresence.chosenStatus, lastHeartbeatAt: agentPresence.lastHeartbeatAt, lastActivityAt: agentPresence.lastActivityAt })
    .from(users)
    .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
    .where(and(isNull(users.disabledAt), inArray(users.role, [...INBOX_USERS])))
    .orderBy(users.name)
    .all();
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    role: row.role,
    chosenStatus: row.chosenStatus ?? null,
    status: effectivePresence({ chosenStatus: row.chosenStatus ?? null, lastHeartbeatAt: row.lastHeartbeatAt ?? null, lastActivityAt: row.lastActivityAt ?? null }, now),
  }));
}

/** One user's effective status and choice (the top-bar menu shows them). */
export function findAgentPresence(db: Db, userId: string, now: number): { status: PresenceStatus; chosenStatus: PresenceStatus | null } {
  const row = db.select().from(agentPresence).where(eq(agentPresence.userId, userId)).get();
  if (!row) return { status: 'offline', chosenStatus: null };
  return { status: effectivePresence(row, now), chosenStatus: row.chosenStatus ?? null };
}

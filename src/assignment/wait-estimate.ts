import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { conversations } from '../conversations/conversations.tables';

/** Without any recent first response to go by, assume this many minutes per conversation. */
export const FALLBACK_RESPONSE_MINUTES = 5;
/** "Recent" response times: the last week, and no more than the latest 50 (old rushes should not linger). */
export const RECENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const RECENT_SAMPLE_SIZE = 50;

/** The median of the values, or null when there are none. Non-finite or negative values are ignored. */
export function medianMinutes(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The team's usual first-response time in whole minutes (at least 1): what "we usually reply within" promises. */
export function typicalResponseMinutes(recentResponseMinutes: readonly number[]): number {
  return Math.max(1, Math.ceil(medianMinutes(recentResponseMinutes) ?? FALLBACK_RESPONSE_MINUTES));
}

/**
 * Minutes until the customer at `position` in the queue is likely answered: everyone ahead of them (and they) need
 * about one median first response each, shared across the agents online. Rounded up, never below 1; with nobody
 * online it counts as one agent rather than promising "never".
 */
export function estimateWaitMinutes({ position, recentResponseMinutes, agentsOnline }: { position: number; recentResponseMinutes: readonly number[]; agentsOnline: number }): number {
  const perConversation = medianMinutes(recentResponseMinutes) ?? FALLBACK_RESPONSE_MINUTES;
  const ahead = Math.max(1, Math.floor(Number.isFinite(position) ? position : 1));
  const agents = Math.max(1, Math.floor(Number.isFinite(agentsOnline) ? agentsOnline : 1));
  return Math.max(1, Math.ceil((ahead * perConversation) / agents));
}

/** First-response times in minutes of the team's latest conversations (last 7 days, latest 50), newest first. */
export function recentFirstResponseMinutes(db: Db, teamId: string, now: number): number[] {
  return db
    .select({ createdAt: conversations.createdAt, firstResponseAt: conversations.firstResponseAt })
    .from(conversations)
    .where(and(eq(conversations.teamId, teamId), isNotNull(conversations.firstResponseAt), gte(conversations.createdAt, now - RECENT_WINDOW_MS)))
    .orderBy(desc(conversations.createdAt))
    .limit(RECENT_SAMPLE_SIZE)
    .all()
    .map((row) => Math.max(0, (row.firstResponseAt! - row.createdAt) / 60_000));
}

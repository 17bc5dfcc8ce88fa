import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { domainEvents, eventCursors } from './events.tables';
import type { DomainEventPayloads, DomainEventType } from './event-types';

/** Narrow with `isEvent(event, 'conversation.opened')` to read a typed payload. */
export function isEvent<T extends DomainEventType>(event: DomainEvent, type: T): event is DomainEvent<DomainEventPayloads[T]> {
  return event.type === type;
}

export interface DomainEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  conversationId: string | null;
  payload: P;
  createdAt: number;
}

export interface NewDomainEvent<T extends DomainEventType> {
  type: T;
  conversationId?: string | null;
  payload: DomainEventPayloads[T];
  at: number;
}

/** Call inside the use case's transaction, so the event exists exactly when the change it describes does. */
export function appendEvent<T extends DomainEventType>(tx: Db, event: NewDomainEvent<T>): void {
  // Every use case appends: built once per connection, not per event.
  prepared(tx, 'events.append', (d) =>
    d
      .insert(domainEvents)
      .values({ type: sql.placeholder('type'), conversationId: sql.placeholder('conversationId'), payload: sql.placeholder('payload'), createdAt: sql.placeholder('createdAt') })
      .prepare(),
  ).run({ type: event.type, conversationId: event.conversationId ?? null, payload: JSON.stringify(event.payload ?? {}), createdAt: event.at });
}

/** Where a handler stands; a handler that never ran starts after the events that existed when it was first seen. */
export function readCursor(db: Db, handler: string): number | undefined {
  return prepared(db, 'events.cursor', (d) => d.select({ id: eventCursors.lastEventId }).from(eventCursors).where(eq(eventCursors.handler, sql.placeholder('handler'))).prepare()).get({ handler })?.id;
}

export function writeCursor(tx: Db, handler: string, lastEventId: number, now: number): void {
  tx.insert(eventCursors)
    .values({ handler, lastEventId, updatedAt: now })
    .onConflictDoUpdate({ target: eventCursors.handler, set: { lastEventId, updatedAt: now } })
    .run();
}

export function latestEventId(db: Db): number {
  return prepared(db, 'events.latest', (d) => d.select({ id: sql<number>`coalesce(max(${domainEvents.id}), 0)` }).from(domainEvents).prepare()).get()?.id ?? 0;
}

/** The next events after `afterId` of the given types, oldest first; `upToId` bounds the scan to what it has seen. */
export function readEvents(db: Db, { afterId, types, limit, upToId }: { afterId: number; types: readonly string[]; limit: number; upToId: number }): DomainEvent[] {
  return db
    .select()
    .from(domainEvents)
    .where(and(gt(domainEvents.id, afterId), lte(domainEvents.id, upToId), inArray(domainEvents.type, [...types])))
    .orderBy(asc(domainEvents.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

import { runInTransaction, type Db } from '../db/client';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DomainEventType } from './event-types';
import { latestEventId, readCursor, readEvents, writeCursor, type DomainEvent } from './event-store';
import type { Pacer } from '../pacer';

export interface EventHandler {
  /** Stable name: the key of its cursor in event_cursors. */
  name: string;
  /** The event types it reacts to; others pass it by. */
  on: readonly DomainEventType[];
  /**
   * Reacts to a batch of events, oldest first, inside the transaction that also moves its cursor, so each event's
   * effects commit exactly once. Synchronous (drizzle transactions are). Return an after-commit callback for side
   * effects outside the database (waking the outbox, publishing to open tabs).
   */
  handle(tx: Db, events: DomainEvent[]): void | (() => void);
}

export interface EventDispatcher {
  /** Feeds every handler the events it has not seen yet; returns how many events were handled in all. */
  drain(): number;
  /** The same, awaiting the pacer between transactions (the background job: webhooks keep their priority). */
  drainPaced(pacer: Pacer): Promise<number>;
}

const BATCH = 500;
/** While the pacer says busy, a transaction takes fewer events, so it holds the write lock briefly. */
const BUSY_BATCH = 25;
/** Chains of events (opened → assigned → notice sent) are short; the 1-second tick picks up anything longer. */
const MAX_ROUNDS = 5;

/**
 * Runs the handlers over the event log. A handler seen for the first time starts at the end of the log (a module
 * added by an upgrade does not replay history); one whose batch throws is retried event by event, and an event
 * that still throws is logged and passed over, so one poison event never blocks the rest.
 */
export function createEventDispatcher(deps: { db: Db; clock: Clock; logger: Logger }, handlers: readonly EventHandler[]): EventDispatcher {
  const start = latestEventId(deps.db);
  for (const handler of handlers) {
    if (readCursor(deps.db, handler.name) === undefined) runInTransaction(deps.db, (tx) => writeCursor(tx, handler.name, start, deps.clock.now()));
  }
  const log = deps.logger.child({ component: 'events' });

  function apply(handler: EventHandler, events: DomainEvent[], cursorTo: number): void {
    const after = runInTransaction(deps.db, (tx) => {
      const effect = events.length > 0 ? handler.handle(tx, events) : undefined;
      writeCursor(tx, handler.name, cursorTo, deps.clock.now());
      return effect ?? null;
    });
    if (after) {
      try {
        after();
      } catch (error) {
        log.error('event after-commit effect failed', { handler: handler.name, error });
      }
    }
  }

  /** Yields how many events each transaction handled. */
  function* drainOne(handler: EventHandler, upToId: number, batchSize: () => number): Generator<number> {
    for (;;) {
      const cursor = readCursor(deps.db, handler.name) ?? 0;
      if (cursor >= upToId) return;
      const limit = batchSize();
      const events = readEvents(deps.db, { afterId: cursor, types: handler.on, limit, upToId });
      // A short batch means nothing else of interest up to upToId: the cursor may jump there.
      const cursorTo = events.length < limit ? upToId : events[events.length - 1]!.id;
      try {
        apply(handler, events, cursorTo);
      } catch (error) {
        if (events.length <= 1) {
          log.error('event handler failed; event passed over', { handler: handler.name, eventId: events[0]?.id, type: events[0]?.type, error });
          runInTransaction(deps.db, (tx) => writeCursor(tx, handler.name, cursorTo, deps.clock.now()));
        } else {
          for (const event of events) drainSingle(handler, event);
          runInTransaction(deps.db, (tx) => writeCursor(tx, handler.name, cursorTo, deps.clock.now()));
        }
      }
      yield events.length;
    }
  }

  function drainSingle(handler: EventHandler, event: DomainEvent): void {
    try {
      apply(handler, [event], event.id);
    } catch (error) {
      log.error('event handler failed; event passed over', { handler: handler.name, eventId: event.id, type: event.type, error });
      runInTransaction(deps.db, (tx) => writeCursor(tx, handler.name, event.id, deps.clock.now()));
    }
  }

  /** Every transaction of a full drain, one step each; yields how many events each handled. */
  function* steps(batchSize: () => number): Generator<number> {
    // Handlers run in registry order; events a handler appends (assignment after routing…) get another round.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const upToId = latestEventId(deps.db);
      for (const handler of handlers) yield* drainOne(handler, upToId, batchSize);
      if (latestEventId(deps.db) === upToId) break;
    }
  }

  return {
    drain() {
      let handled = 0;
      for (const count of steps(() => BATCH)) handled += count;
      return handled;
    },
    async drainPaced(pacer) {
      let handled = 0;
      for (const count of steps(() => (pacer.busy() ? BUSY_BATCH : BATCH))) {
        handled += count;
        await pacer.pause();
      }
      return handled;
    },
  };
}

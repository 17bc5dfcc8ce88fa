import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, runInTransaction, type DbHandle } from '../../src/platform/db/client';
import { applyMigrations } from '../../src/platform/db/migrate';
import { createLogger } from '../../src/platform/logger';
import { appendEvent, isEvent, readCursor, type DomainEvent } from '../../src/platform/events/event-store';
import { createEventDispatcher, type EventHandler } from '../../src/platform/events/event-dispatcher';
import { FakeClock } from '../support/fake-clock';

let dir: string;
let handle: DbHandle;
const clock = new FakeClock();
let logs: Record<string, unknown>[];
const logger = () => createLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line)), now: clock.now });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasil-events-'));
  handle = openDatabase(join(dir, 'rasil.db'));
  applyMigrations(handle.sqlite);
  handle.sqlite.run('create table effects (event_id integer not null, handler text not null)');
  logs = [];
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const opened = (conversationId: string) => runInTransaction(handle.db, (tx) => appendEvent(tx, { type: 'conversation.opened', conversationId, payload: { inboxId: 'inb_1', contactId: 'ctc_1' }, at: clock.now() }));
const effects = (handler: string) => handle.sqlite.query<{ event_id: number }, [string]>('select event_id from effects where handler = ? order by event_id').all(handler).map((r) => r.event_id);

/** A handler whose effect is a row, written in the dispatcher's transaction; `fail` throws for chosen events. */
function recorder(name: string, fail: (event: DomainEvent) => boolean = () => false, onCommit?: () => void): EventHandler {
  return {
    name,
    on: ['conversation.opened'],
    handle(tx, events) {
      for (const event of events) {
        tx.run(sql`insert into effects (event_id, handler) values (${event.id}, ${name})`);
        if (fail(event)) throw new Error(`cannot handle ${event.id}`);
      }
      return onCommit;
    },
  };
}

describe('the domain event dispatcher', () => {
  test('paced, it awaits the pacer after every transaction and takes small batches while the pacer is busy', async () => {
    const batches: number[] = [];
    const record = recorder('a');
    const sizing: EventHandler = {
      ...record,
      handle(tx, events) {
        batches.push(events.length);
        return record.handle(tx, events);
      },
    };
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [sizing]);
    for (let i = 0; i < 60; i++) opened(`cnv_${i}`);
    let pauses = 0;
    const handled = await dispatcher.drainPaced({ busy: () => true, pause: async () => void pauses++ });
    expect(handled).toBe(60);
    expect(batches).toEqual([25, 25, 10]);
    expect(pauses).toBe(3);
    expect(effects('a')).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await dispatcher.drainPaced({ busy: () => false, pause: async () => {} })).toBe(0);
  });


  test('hands each event to each handler exactly once, however often it drains', () => {
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a'), recorder('b')]);
    opened('cnv_1');
    opened('cnv_2');
    expect(dispatcher.drain()).toBe(4);
    expect(dispatcher.drain()).toBe(0);
    expect(effects('a')).toEqual([1, 2]);
    expect(effects('b')).toEqual([1, 2]);
  });

  test('resumes after a restart where the cursor stands', () => {
    createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a')]).drain();
    opened('cnv_1');
    // A new process: a fresh dispatcher over the same database.
    createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a')]).drain();
    expect(effects('a')).toEqual([1]);
  });

  test('starts a handler added by an upgrade at the end of the log instead of replaying history', () => {
    opened('cnv_old');
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('late')]);
    opened('cnv_new');
    dispatcher.drain();
    expect(effects('late')).toEqual([2]);
  });

  test('rolls back the effects of a failing event, logs it and goes on with the next', () => {
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a', (event) => event.id === 2)]);
    opened('cnv_1');
    opened('cnv_2');
    opened('cnv_3');
    dispatcher.drain();
    expect(effects('a')).toEqual([1, 3]);
    expect(readCursor(handle.db, 'a')).toBe(3);
    expect(logs.some((line) => line.msg === 'event handler failed; event passed over' && line.eventId === 2)).toBe(true);
  });

  test('runs the after-commit effect only when the transaction committed', () => {
    let commits = 0;
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a', (event) => event.id === 1, () => commits++)]);
    opened('cnv_1');
    dispatcher.drain();
    expect(commits).toBe(0);
    opened('cnv_2');
    dispatcher.drain();
    expect(commits).toBe(1);
  });

  test('passes over event types a handler does not listen to, and moves its cursor past them', () => {
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a')]);
    runInTransaction(handle.db, (tx) => appendEvent(tx, { type: 'agent.availability_changed', payload: { userId: 'usr_1', status: 'online' }, at: clock.now() }));
    expect(dispatcher.drain()).toBe(0);
    expect(readCursor(handle.db, 'a')).toBe(1);
  });

  test('gives events appended by one handler to the others in the same drain', () => {
    const chain: EventHandler = {
      name: 'chain',
      on: ['agent.availability_changed'],
      handle(tx, events) {
        for (const event of events) appendEvent(tx, { type: 'conversation.opened', conversationId: `from-${event.id}`, payload: { inboxId: 'i', contactId: 'c' }, at: clock.now() });
      },
    };
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [recorder('a'), chain]);
    runInTransaction(handle.db, (tx) => appendEvent(tx, { type: 'agent.availability_changed', payload: { userId: 'usr_1', status: 'online' }, at: clock.now() }));
    dispatcher.drain();
    expect(effects('a')).toEqual([2]);
  });

  test('isEvent narrows the payload by type', () => {
    opened('cnv_1');
    const seen: string[] = [];
    const dispatcher = createEventDispatcher({ db: handle.db, clock, logger: logger() }, [
      {
        name: 'typed',
        on: ['conversation.opened'],
        handle(_tx, events) {
          for (const event of events) if (isEvent(event, 'conversation.opened')) seen.push(event.payload.inboxId);
        },
      },
    ]);
    // Created after the event: starts at the end, so append another one it will see.
    opened('cnv_2');
    dispatcher.drain();
    expect(seen).toEqual(['inb_1']);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, tryInTransaction, WRITE_LOCK_TAKEN, type DbHandle } from '../../../src/platform/db/client';
import { applyMigrations } from '../../../src/platform/db/migrate';
import { createIdGenerator } from '../../../src/platform/ids';
import { createLogger } from '../../../src/platform/logger';
import { systemClock } from '../../../src/platform/clock';
import { createJournalWriter } from '../../../src/channel/whatsapp/webhook-journal-writer';
import { insertJournalRows } from '../../../src/channel/whatsapp/webhook-journal.repository';

let dir: string;
let main: DbHandle;
/** Another connection to the same file, standing in for the background thread. */
let background: DbHandle;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasil-journal-writer-'));
  main = openDatabase(join(dir, 'rasil.db'));
  applyMigrations(main.sqlite);
  background = openDatabase(join(dir, 'rasil.db'));
});
afterEach(() => {
  main.close();
  background.close();
  rmSync(dir, { recursive: true, force: true });
});

const journalCount = () => (main.sqlite.query('select count(*) as n from webhook_journal').get() as { n: number }).n;
const busyTimeout = () => (main.sqlite.query('PRAGMA busy_timeout').get() as { timeout: number }).timeout;

describe('writing the webhook journal while another connection writes', () => {
  test('tryInTransaction gives up at once when the write lock is taken, writes nothing and keeps the 5 s wait for others', () => {
    background.sqlite.run('BEGIN IMMEDIATE');
    const started = performance.now();
    const result = tryInTransaction(main.db, (tx) => insertJournalRows(tx, [{ id: 'whk_1', body: '{}', channelId: null, receivedAt: 1 }]));
    expect(result).toBe(WRITE_LOCK_TAKEN);
    expect(performance.now() - started).toBeLessThan(1000);
    background.sqlite.run('COMMIT');
    expect(journalCount()).toBe(0);
    expect(busyTimeout()).toBe(5000);
    expect(tryInTransaction(main.db, (tx) => insertJournalRows(tx, [{ id: 'whk_2', body: '{}', channelId: null, receivedAt: 1 }]))).toBeUndefined();
    expect(journalCount()).toBe(1);
  });

  test('a webhook waits for the lock without stopping the thread, then is committed once, in arrival order', async () => {
    const writer = createJournalWriter({ db: main.db, newId: createIdGenerator(systemClock), logger: createLogger({ level: 'silent', now: systemClock.now }) });
    background.sqlite.run('BEGIN IMMEDIATE');
    let settled = 0;
    const first = writer.append({ body: '{"n":1}', channelId: null, receivedAt: 1 }).then((id) => (settled++, id));
    // The thread keeps running timers and taking webhooks while the lock is held.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    await Bun.sleep(40);
    const second = writer.append({ body: '{"n":2}', channelId: null, receivedAt: 2 }).then((id) => (settled++, id));
    await Bun.sleep(40);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);
    expect(settled).toBe(0);
    expect(journalCount()).toBe(0);
    background.sqlite.run('COMMIT');
    const ids = await Promise.all([first, second]);
    expect(journalCount()).toBe(2);
    const bodies = main.sqlite.query('select id, body from webhook_journal order by rowid').all() as { id: string; body: string }[];
    expect(bodies).toEqual([
      { id: ids[0], body: '{"n":1}' },
      { id: ids[1], body: '{"n":2}' },
    ]);
  });
});

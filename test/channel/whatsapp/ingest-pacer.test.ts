import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runInTransaction, type DbHandle } from '../../../src/platform/db/client';
import { applyMigrations } from '../../../src/platform/db/migrate';
import { insertJournalRows } from '../../../src/channel/whatsapp/webhook-journal.repository';
import { createIngestPacer } from '../../../src/channel/whatsapp/inbound/ingest-pacer';

let dir: string;
let handle: DbHandle;
let next = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasil-pacer-'));
  handle = openDatabase(join(dir, 'rasil.db'));
  applyMigrations(handle.sqlite);
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const journal = (count: number) =>
  runInTransaction(handle.db, (tx) => insertJournalRows(tx, Array.from({ length: count }, () => ({ id: `whk_${String(++next).padStart(6, '0')}`, body: '{}', channelId: null, receivedAt: 1 }))));

describe('pacing background work by the webhook arrival rate', () => {
  test('a burst makes it busy and rest between transactions; once the burst is over it goes at full speed again', async () => {
    const pacer = createIngestPacer(handle.db);
    journal(50);
    let started = performance.now();
    await pacer.pause();
    expect(pacer.busy()).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    started = performance.now();
    await pacer.pause();
    expect(pacer.busy()).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });

  test('a trickle (a few webhooks now and then) never counts as a burst', async () => {
    const pacer = createIngestPacer(handle.db);
    for (let i = 0; i < 3; i++) {
      journal(1);
      await Bun.sleep(20);
      await pacer.pause();
      expect(pacer.busy()).toBe(false);
    }
  });
});

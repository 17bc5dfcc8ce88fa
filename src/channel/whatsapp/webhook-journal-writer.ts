import { BUSY_TIMEOUT_MS, tryInTransaction, WRITE_LOCK_TAKEN, type Db } from '../../platform/db/client';
import type { NewId } from '../../platform/ids';
import type { Logger } from '../../platform/logger';
import { insertJournalRows, type NewJournalRow } from './webhook-journal.repository';

export interface JournalWriter {
  /** Resolves once the body is committed (on disk, synchronous=FULL); rejects if its batch failed. */
  append(entry: { body: string; channelId: string | null; receivedAt: number }): Promise<string>;
}

interface Waiting {
  row: NewJournalRow;
  resolve(id: string): void;
  reject(error: unknown): void;
}

/** How soon a batch tries again while another connection (the background thread) holds the write lock. */
const RETRY_MS = 1;

/**
 * Group commit: webhook bodies that arrive within the same turn of the event loop are written in ONE transaction,
 * so one fsync acknowledges many requests. Each request still waits for its own batch's commit before Meta gets
 * its 200, and a failed batch fails every request in it (Meta retries them).
 *
 * When the background thread holds the write lock, the batch waits without blocking this thread (which keeps
 * accepting webhooks into the batch) and tries again every millisecond; after SQLite's usual 5 seconds it fails.
 */
export function createJournalWriter(deps: { db: Db; newId: NewId; logger: Logger; onCommit?: () => void }): JournalWriter {
  let waiting: Waiting[] = [];
  let scheduled = false;
  let lockedSince: number | null = null;

  const fail = (batch: Waiting[], error: unknown) => {
    deps.logger.error('webhook journal write failed', { rows: batch.length, error });
    for (const w of batch) w.reject(error);
  };

  const flush = () => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    let result: void | typeof WRITE_LOCK_TAKEN;
    try {
      result = tryInTransaction(deps.db, (tx) => insertJournalRows(tx, batch.map((w) => w.row)));
    } catch (error) {
      lockedSince = null;
      return fail(batch, error);
    }
    if (result === WRITE_LOCK_TAKEN) {
      lockedSince ??= performance.now();
      if (performance.now() - lockedSince > BUSY_TIMEOUT_MS) {
        lockedSince = null;
        return fail(batch, new Error('database is locked'));
      }
      // Rows that arrived meanwhile join this batch, behind it, so arrival order is kept.
      waiting = [...batch, ...waiting];
      schedule(RETRY_MS);
      return;
    }
    lockedSince = null;
    deps.logger.debug('webhook journal batch committed', { rows: batch.length });
    for (const w of batch) w.resolve(w.row.id);
    deps.onCommit?.();
  };

  const schedule = (delayMs = 0) => {
    if (scheduled) return;
    scheduled = true;
    if (delayMs > 0) setTimeout(flush, delayMs);
    else setImmediate(flush);
  };

  return {
    append({ body, channelId, receivedAt }) {
      // The id is taken at arrival, so journal order is arrival order even within a batch.
      const row = { id: deps.newId('whk'), body, channelId, receivedAt };
      const promise = new Promise<string>((resolve, reject) => waiting.push({ row, resolve, reject }));
      schedule();
      return promise;
    },
  };
}

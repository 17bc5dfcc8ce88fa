import { runInTransaction, type Db } from '../../platform/db/client';
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

/**
 * Group commit: webhook bodies that arrive within the same turn of the event loop are written in ONE transaction,
 * so one fsync acknowledges many requests. Each request still waits for its own batch's commit before Meta gets
 * its 200, and a failed batch fails every request in it (Meta retries them).
 */
export function createJournalWriter(deps: { db: Db; newId: NewId; logger: Logger; onCommit?: () => void }): JournalWriter {
  let waiting: Waiting[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      runInTransaction(deps.db, (tx) => insertJournalRows(tx, batch.map((w) => w.row)));
    } catch (error) {
      deps.logger.error('webhook journal write failed', { rows: batch.length, error });
      for (const w of batch) w.reject(error);
      return;
    }
    deps.logger.debug('webhook journal batch committed', { rows: batch.length });
    for (const w of batch) w.resolve(w.row.id);
    deps.onCommit?.();
  };

  return {
    append({ body, channelId, receivedAt }) {
      // The id is taken at arrival, so journal order is arrival order even within a batch.
      const row = { id: deps.newId('whk'), body, channelId, receivedAt };
      const promise = new Promise<string>((resolve, reject) => waiting.push({ row, resolve, reject }));
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      return promise;
    },
  };
}

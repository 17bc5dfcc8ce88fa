import type { Db } from '../../../platform/db/client';
import { elapsedMs } from '../../../platform/clock';
import { nextTurn, type Pacer } from '../../../platform/pacer';
import { journalArrivals } from '../webhook-journal.repository';

/**
 * Webhooks arriving faster than this mean a burst is on. A busy shop's steady traffic (tens a second) stays far
 * below it and is processed at once.
 */
const BURST_PER_SECOND = 200;
/**
 * During a burst, acknowledging webhooks comes first: the main thread must find the write lock free and the CPU
 * (two cores, shared with whoever sends) unclaimed. Background loops then keep transactions short and rest
 * between them; they catch up at full speed once the burst is over.
 */
const BURST_PAUSE_MS = 100;

/** Paces a background drain loop by how fast webhooks are arriving (journal rows, read from the database). */
export function createIngestPacer(db: Db): Pacer {
  let seen = journalArrivals(db);
  let seenAt = elapsedMs();
  let busy = false;
  return {
    busy: () => busy,
    async pause() {
      const arrivals = journalArrivals(db);
      const now = elapsedMs();
      busy = arrivals - seen > 1 && ((arrivals - seen) * 1000) / Math.max(1, now - seenAt) > BURST_PER_SECOND;
      seen = arrivals;
      seenAt = now;
      await (busy ? Bun.sleep(BURST_PAUSE_MS) : nextTurn());
    },
  };
}

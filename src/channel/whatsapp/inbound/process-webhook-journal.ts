import { runInTransaction, type Db } from '../../../platform/db/client';
import type { Clock } from '../../../platform/clock';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import type { LiveEvent, LiveHub } from '../../../platform/live-hub';
import { elapsedMs } from '../../../platform/clock';
import { findJournalRow, listPendingJournalRows } from '../webhook-journal.repository';
import type { Pacer } from '../../../platform/pacer';
import { createIngestPacer } from './ingest-pacer';
import { processJournalRow, type RowOutcome } from './process-journal-row';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';

export interface JournalDeps {
  db: Db;
  clock: Clock;
  newId: NewId;
  logger: Logger;
  wake?: (name: string) => void;
  live?: LiveHub;
  /** Spaces the transactions; by default by how fast webhooks are arriving (ingest-pacer.ts). */
  pacer?: Pacer;
}

export interface DrainResult {
  processed: number;
  failed: number;
}

/** One write transaction covers several rows (each in its own savepoint) so fsyncs are shared, within a time budget. */
const ROWS_PER_TRANSACTION = 200;
const BUDGET_MS = 20;
/** During a burst of webhooks a transaction holds the write lock only this long (see ingest-pacer.ts). */
const BUSY_BUDGET_MS = 4;

/**
 * Drain loop: processes pending journal rows in arrival (id) order until none are left, pausing between
 * transactions as the pacer says so webhooks keep being acknowledged meanwhile. Pending rows survive a restart and
 * are picked up by the next run.
 */
export async function processWebhookJournal(deps: JournalDeps): Promise<DrainResult> {
  const total: DrainResult = { processed: 0, failed: 0 };
  const pacer = deps.pacer ?? createIngestPacer(deps.db);
  for (;;) {
    const busy = pacer.busy();
    const rows = listPendingJournalRows(deps.db, ROWS_PER_TRANSACTION);
    if (rows.length === 0) break;
    let mediaQueued = false;
    const facts: LiveEvent[] = [];
    const started = elapsedMs();
    runInTransaction(deps.db, (tx) => {
      const channels = new Map<string, WhatsappChannel>();
      for (const row of rows) {
        const outcome = processJournalRow(tx, row, { newId: deps.newId, now: deps.clock.now(), logger: deps.logger, channels, onFact: (fact) => facts.push(fact) });
        total[outcome.status]++;
        if (outcome.summary.counts.media) mediaQueued = true;
        if (elapsedMs() - started > (busy ? BUSY_BUDGET_MS : BUDGET_MS)) break;
      }
    });
    if (mediaQueued) deps.wake?.('media');
    publishFacts(deps.live, facts);
    await pacer.pause();
  }
  return total;
}

/** Re-runs one row (the webhook log's "replay"): safe because every step is idempotent. */
export function replayJournalRow(deps: JournalDeps, id: string): RowOutcome | null {
  const facts: LiveEvent[] = [];
  const outcome = runInTransaction(deps.db, (tx) => {
    const row = findJournalRow(tx, id);
    return row ? processJournalRow(tx, row, { newId: deps.newId, now: deps.clock.now(), logger: deps.logger, onFact: (fact) => facts.push(fact) }) : null;
  });
  publishFacts(deps.live, facts);
  if (outcome?.summary.counts.media) deps.wake?.('media');
  return outcome;
}

/**
 * Live facts go out only after the commit (a tab re-fetching earlier would not see the rows yet); repeats within a
 * batch collapse, since a tab refreshes the whole view once anyway. A row rolled back in its savepoint may leave a
 * harmless extra refresh.
 */
function publishFacts(live: LiveHub | undefined, facts: LiveEvent[]) {
  if (!live) return;
  const seen = new Set<string>();
  for (const fact of facts) {
    const key = JSON.stringify(fact);
    if (seen.has(key)) continue;
    seen.add(key);
    live.publish(fact);
  }
}

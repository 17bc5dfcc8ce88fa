import type { Db } from '../../../platform/db/client';
import type { NewId } from '../../../platform/ids';
import type { Logger } from '../../../platform/logger';
import type { LiveEvent } from '../../../platform/live-hub';
import { findChannelById, findChannelByPhoneNumberId, type WhatsappChannel } from '../channels/whatsapp-channels.repository';
import { markJournalRow, type JournalRow } from '../webhook-journal.repository';
import { applyInboundEvent } from './apply-inbound-event';
import { parseWebhookJson } from './json-depth';
import { toInboundEvents } from './to-inbound-events';

export interface RowOutcome {
  status: 'processed' | 'failed';
  error: string | null;
  summary: JournalSummary;
}

export interface JournalSummary {
  /** What the row held and what became of it: messages, duplicates, statuses, echoes, imported, media… */
  counts: Record<string, number>;
  /** Short notes: ignored fields, unknown targets, alerts raised. Never message text. */
  notes: string[];
}

const MAX_NOTES = 20;

/**
 * Processes one journal row inside the caller's transaction (a savepoint of it): parse, map to events, apply
 * each, then mark the row. Any throw rolls back everything the row did and marks it failed with the reason;
 * items that could not be read fail the row too, after the readable ones have landed.
 */
export function processJournalRow(tx: Db, row: JournalRow, deps: { newId: NewId; now: number; logger: Logger; channels?: Map<string, WhatsappChannel>; onFact?: (event: LiveEvent) => void }): RowOutcome {
  const summary: JournalSummary = { counts: {}, notes: [] };
  const count = (key: string, note?: string) => {
    summary.counts[key] = (summary.counts[key] ?? 0) + 1;
    if (note && summary.notes.length < MAX_NOTES && !summary.notes.includes(note)) summary.notes.push(note);
  };
  const parsed = parseWebhookJson(row.body);
  if (!parsed.ok) return finish(tx, row, { status: 'failed', error: parsed.error, summary }, deps.now);

  let problems: string[] = [];
  try {
    // Mapping is inside the try too: a body that trips a bug must fail alone, never block the rows behind it.
    const mapped = toInboundEvents(parsed.value, row.receivedAt);
    problems = mapped.problems;
    for (const ignored of mapped.ignored) count('ignored', `ignored: ${ignored}`);
    const channelFor = channelLookup(tx, row, deps.channels ?? new Map());
    tx.transaction((sp) => {
      for (const event of mapped.events) applyInboundEvent(event, { db: sp as unknown as Db, newId: deps.newId, now: deps.now, logger: deps.logger, channelFor, count, onFact: deps.onFact });
    });
  } catch (error) {
    const message = error instanceof UnknownNumberError ? error.message : `processing failed: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof UnknownNumberError)) deps.logger.error('webhook row processing failed', { journalId: row.id, error });
    return finish(tx, row, { status: 'failed', error: message.slice(0, 500), summary: { counts: {}, notes: summary.notes } }, deps.now);
  }
  if (problems.length) return finish(tx, row, { status: 'failed', error: `unreadable items: ${problems.join('; ')}`.slice(0, 500), summary }, deps.now);
  return finish(tx, row, { status: 'processed', error: null, summary }, deps.now);
}

/** Channels by phone_number_id, cached (shared across the rows of one drain transaction: they cannot change). */
function channelLookup(tx: Db, row: JournalRow, channels: Map<string, WhatsappChannel>) {
  return (phoneNumberId: string): WhatsappChannel => {
    const key = phoneNumberId || `row:${row.channelId ?? ''}`;
    let channel = channels.get(key);
    if (!channel) {
      // Events without metadata (account_update) belong to the channel whose secret signed the body.
      channel = phoneNumberId ? findChannelByPhoneNumberId(tx, phoneNumberId) : row.channelId ? findChannelById(tx, row.channelId) : undefined;
      if (!channel) throw new UnknownNumberError(phoneNumberId);
      channels.set(key, channel);
    }
    return channel;
  };
}

function finish(tx: Db, row: JournalRow, outcome: RowOutcome, now: number): RowOutcome {
  markJournalRow(tx, row.id, { status: outcome.status, error: outcome.error, summary: JSON.stringify(outcome.summary), processedAt: now });
  return outcome;
}

export class UnknownNumberError extends Error {
  constructor(phoneNumberId: string) {
    super(
      phoneNumberId
        ? `no WhatsApp channel has phone_number_id ${JSON.stringify(phoneNumberId)}: add that number under Settings › WhatsApp, then replay this row`
        : 'the body names no phone_number_id and no channel signed it',
    );
    this.name = 'UnknownNumberError';
  }
}

import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { prepared } from '../../platform/db/prepared';
import { JOURNAL_STATUSES, webhookJournal, whatsappChannels } from './whatsapp.tables';

export type JournalRow = typeof webhookJournal.$inferSelect;
export type JournalStatus = (typeof JOURNAL_STATUSES)[number];
export type NewJournalRow = Pick<JournalRow, 'id' | 'receivedAt' | 'channelId' | 'body'>;

export function insertJournalRows(db: Db, rows: NewJournalRow[]) {
  const insert = prepared(db, 'journal.insert', (d) =>
    d
      .insert(webhookJournal)
      .values({ id: sql.placeholder('id'), receivedAt: sql.placeholder('receivedAt'), channelId: sql.placeholder('channelId'), body: sql.placeholder('body'), status: 'pending' })
      .prepare(),
  );
  for (const row of rows) insert.run(row);
}

/** What the webhook endpoint needs of every channel: secrets to verify with, verify tokens for the handshake. */
export function listChannelSecrets(db: Db) {
  return prepared(db, 'journal.channelSecrets', (d) =>
    d.select({ id: whatsappChannels.id, appSecret: whatsappChannels.appSecret, verifyToken: whatsappChannels.verifyToken }).from(whatsappChannels).prepare(),
  ).all();
}

export function findJournalRow(db: Db, id: string): JournalRow | undefined {
  return db.select().from(webhookJournal).where(eq(webhookJournal.id, id)).get();
}

/** The oldest pending rows, in arrival (id) order. */
export function listPendingJournalRows(db: Db, limit: number): JournalRow[] {
  return prepared(db, 'journal.pending', (d) =>
    d.select().from(webhookJournal).where(eq(webhookJournal.status, 'pending')).orderBy(asc(webhookJournal.id)).limit(sql.placeholder('limit')).prepare(),
  ).all({ limit });
}

/** The id of the newest row: when it changes between two looks, webhooks are still arriving. */
/** A number that grows by one per journaled webhook (the newest rowid): two readings tell how many arrived between. */
export function journalArrivals(db: Db): number {
  return prepared(db, 'journal.arrivals', (d) => d.select({ n: sql<number | null>`max(rowid)` }).from(webhookJournal).prepare()).get()?.n ?? 0;
}

export function markJournalRow(db: Db, id: string, result: { status: 'processed' | 'failed'; error: string | null; summary: string; processedAt: number }) {
  prepared(db, 'journal.mark', (d) =>
    d
      .update(webhookJournal)
      .set({
        status: sql`${sql.placeholder('status')}`,
        error: sql`${sql.placeholder('error')}`,
        summary: sql`${sql.placeholder('summary')}`,
        processedAt: sql`${sql.placeholder('processedAt')}`,
        attempts: sql`${webhookJournal.attempts} + 1`,
      })
      .where(eq(webhookJournal.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, ...result });
}

/** Newest first for the webhook log, keyset-paged by id; the body is left out (it can be megabytes). */
export function listJournalRows(db: Db, { status, before, limit }: { status?: JournalStatus; before?: string; limit: number }) {
  const where = [status ? eq(webhookJournal.status, status) : undefined, before ? lt(webhookJournal.id, before) : undefined].filter((w) => w !== undefined);
  return db
    .select({
      id: webhookJournal.id,
      receivedAt: webhookJournal.receivedAt,
      channelId: webhookJournal.channelId,
      status: webhookJournal.status,
      attempts: webhookJournal.attempts,
      error: webhookJournal.error,
      summary: webhookJournal.summary,
      processedAt: webhookJournal.processedAt,
      bytes: sql<number>`length(${webhookJournal.body})`,
    })
    .from(webhookJournal)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(webhookJournal.id))
    .limit(limit)
    .all();
}

export function countJournalRowsByStatus(db: Db): Record<JournalStatus, number> {
  const rows = db.select({ status: webhookJournal.status, n: sql<number>`count(*)` }).from(webhookJournal).groupBy(webhookJournal.status).all();
  const counts = { pending: 0, processed: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

import { and, asc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { conversations, messages } from '../conversations/conversations.tables';
import { domainEvents } from '../platform/events/events.tables';
import { calendarForInbox } from '../conversations/inbox-calendar';
import type { BusinessCalendar } from '../business-hours/calendar';
import { reportConversations, reportResponses } from './reports.tables';
import { computeConversationFigures } from './conversation-metrics';
import { applyContributions, type Contribution } from './daily-durations';
import { applyCountContributions, countContributions, type CountContribution } from './daily-counts';
import { dayOfWall, utcToWall } from '../business-hours/local-time';

const REPEAT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** SQLite's limit on bound variables is generous, but IN lists stay small so each query stays an index walk. */
const CHUNK = 500;

/**
 * Recomputes the reports rows of these conversations from their messages and events (delete + insert, so a rerun
 * is harmless). Set-based: one query per kind of input for a whole chunk, which keeps a backfill of 200k
 * conversations to seconds. Call inside a transaction.
 */
export function refreshConversationMetrics(db: Db, conversationIds: readonly string[], options: { now: number; timeZone: string }): void {
  const calendars = new Map<string, BusinessCalendar | undefined>();
  const calendarOf = (inboxId: string) => {
    if (!calendars.has(inboxId)) calendars.set(inboxId, calendarForInbox(db, inboxId));
    return calendars.get(inboxId);
  };
  const unique = [...new Set(conversationIds)];
  for (let i = 0; i < unique.length; i += CHUNK) refreshChunk(db, unique.slice(i, i + CHUNK), options, calendarOf);
}

function refreshChunk(db: Db, ids: string[], options: { now: number; timeZone: string }, calendarOf: (inboxId: string) => BusinessCalendar | undefined) {
  const rows = db.select().from(conversations).where(inArray(conversations.id, ids)).all();
  const timeline = groupBy(
    db
      .select({ conversationId: messages.conversationId, direction: messages.direction, authorType: messages.authorType, authorId: messages.authorId, kind: messages.kind, sentAt: messages.sentAt })
      .from(messages)
      .where(inArray(messages.conversationId, ids))
      .orderBy(asc(messages.conversationId), asc(messages.sentAt), asc(messages.id))
      .all(),
  );
  const events = groupBy(
    db
      .select({ conversationId: domainEvents.conversationId, type: domainEvents.type, payload: domainEvents.payload })
      .from(domainEvents)
      .where(and(inArray(domainEvents.conversationId, ids), inArray(domainEvents.type, ['conversation.assigned', 'conversation.handed_over'])))
      .orderBy(asc(domainEvents.id))
      .all(),
  );
  const stored = storedContributions(db, ids);
  applyContributions(db, stored.durations, -1);
  applyCountContributions(db, stored.counts, -1);
  const addedCounts: CountContribution[] = [];
  db.delete(reportConversations).where(inArray(reportConversations.conversationId, ids)).run();
  db.delete(reportResponses).where(inArray(reportResponses.conversationId, ids)).run();
  const added: Contribution[] = [];
  const localDay = (t: number) => dayOfWall(utcToWall(options.timeZone, t));
  for (const conversation of rows) {
    const own = events.get(conversation.id) ?? [];
    const figures = computeConversationFigures({
      conversation,
      messages: timeline.get(conversation.id) ?? [],
      assignees: own.filter((e) => e.type === 'conversation.assigned').map((e) => (JSON.parse(e.payload) as { assigneeId: string | null }).assigneeId ?? null),
      handedOver: own.some((e) => e.type === 'conversation.handed_over'),
      calendar: calendarOf(conversation.inboxId),
      timeZone: options.timeZone,
    });
    const openedDay = localDay(conversation.createdAt);
    const resolvedDay = figures.resolvedAt === null ? null : localDay(figures.resolvedAt);
    const where = { inboxId: conversation.inboxId, teamId: conversation.teamId };
    if (figures.firstResponseMs !== null && figures.firstResponseBms !== null) {
      added.push({ ...where, day: openedDay, metric: 'first_response', business: false, ms: figures.firstResponseMs }, { ...where, day: openedDay, metric: 'first_response', business: true, ms: figures.firstResponseBms });
    }
    if (resolvedDay !== null && figures.resolutionMs !== null && figures.resolutionBms !== null) {
      added.push({ ...where, day: resolvedDay, metric: 'resolution', business: false, ms: figures.resolutionMs }, { ...where, day: resolvedDay, metric: 'resolution', business: true, ms: figures.resolutionBms });
    }
    for (const response of figures.responses) {
      added.push({ ...where, day: openedDay, metric: 'response', business: false, ms: response.ms }, { ...where, day: openedDay, metric: 'response', business: true, ms: response.bms });
    }
    const row = {
        conversationId: conversation.id,
        inboxId: conversation.inboxId,
        teamId: conversation.teamId,
        agentId: conversation.assigneeId,
        firstAgentId: figures.firstAgentId,
        transferred: figures.transferred ? 1 : 0,
        contactId: conversation.contactId,
        openedAt: conversation.createdAt,
        openedDay,
        resolvedDay,
        openedHourOfWeek: figures.openedHourOfWeek,
        resolvedAt: figures.resolvedAt,
        resolutionMs: figures.resolutionMs,
        resolutionBms: figures.resolutionBms,
        firstResponderId: figures.firstResponderId,
        firstResponseMs: figures.firstResponseMs,
        firstResponseBms: figures.firstResponseBms,
        messagesIn: figures.messagesIn,
        messagesOut: figures.messagesOut,
        humanReplied: figures.humanReplied ? 1 : 0,
        humanAssigned: figures.humanAssigned ? 1 : 0,
        botInvolved: figures.botInvolved ? 1 : 0,
        handedOver: own.some((e) => e.type === 'conversation.handed_over') ? 1 : 0,
        repeatContact: hadRecentConversation(db, conversation) ? 1 : 0,
        computedAt: options.now,
      };
    insertMetricsRow(db).run(row);
    addedCounts.push(...countContributions(row, figures.responses.map((r) => r.agentId)));
    for (const response of figures.responses) {
      insertResponseRow(db).run({ conversationId: conversation.id, inboxId: conversation.inboxId, teamId: conversation.teamId, agentId: response.agentId, openedAt: conversation.createdAt, ms: response.ms, bms: response.bms });
    }
  }
  applyContributions(db, added, 1);
  applyCountContributions(db, addedCounts, 1);
}

/** What the stored rows of these conversations put into the daily tables, to take it back before recomputing. */
function storedContributions(db: Db, ids: string[]): { durations: Contribution[]; counts: CountContribution[] } {
  const out: Contribution[] = [];
  const stored = db.select().from(reportConversations).where(inArray(reportConversations.conversationId, ids)).all();
  const respondersOf = new Map<string, (string | null)[]>();
  const dayOf = new Map(stored.map((row) => [row.conversationId, row.openedDay]));
  for (const row of stored) {
    const where = { inboxId: row.inboxId, teamId: row.teamId };
    if (row.firstResponseMs !== null && row.firstResponseBms !== null) {
      out.push({ ...where, day: row.openedDay, metric: 'first_response', business: false, ms: row.firstResponseMs }, { ...where, day: row.openedDay, metric: 'first_response', business: true, ms: row.firstResponseBms });
    }
    if (row.resolvedDay !== null && row.resolutionMs !== null && row.resolutionBms !== null) {
      out.push({ ...where, day: row.resolvedDay, metric: 'resolution', business: false, ms: row.resolutionMs }, { ...where, day: row.resolvedDay, metric: 'resolution', business: true, ms: row.resolutionBms });
    }
  }
  const responses = db.select().from(reportResponses).where(inArray(reportResponses.conversationId, ids)).all();
  for (const r of responses) {
    const day = dayOf.get(r.conversationId);
    if (day === undefined) continue;
    out.push({ day, inboxId: r.inboxId, teamId: r.teamId, metric: 'response', business: false, ms: r.ms }, { day, inboxId: r.inboxId, teamId: r.teamId, metric: 'response', business: true, ms: r.bms });
    const list = respondersOf.get(r.conversationId);
    if (list) list.push(r.agentId);
    else respondersOf.set(r.conversationId, [r.agentId]);
  }
  return { durations: out, counts: stored.flatMap((row) => countContributions(row, respondersOf.get(row.conversationId) ?? [])) };
}

/** Another conversation of the same contact (any inbox) opened in the 7 days before this one: a repeat contact. */
function hadRecentConversation(db: Db, conversation: { id: string; contactId: string; createdAt: number }): boolean {
  const row = prepared(db, 'reports.recentConversation', (d) =>
    d
      .select({ one: sql<number>`1` })
      .from(conversations)
      .where(and(eq(conversations.contactId, p('contactId')), gte(conversations.createdAt, p('since')), lt(conversations.createdAt, p('createdAt')), ne(conversations.id, p('id'))))
      .limit(1)
      .prepare(),
  ).get({ contactId: conversation.contactId, since: conversation.createdAt - REPEAT_WINDOW_MS, createdAt: conversation.createdAt, id: conversation.id });
  return row !== undefined;
}

const p = (name: string) => sql.placeholder(name);
const METRIC_COLUMNS = [
  'conversationId', 'inboxId', 'teamId', 'agentId', 'firstAgentId', 'transferred', 'contactId', 'openedAt', 'openedDay', 'resolvedDay', 'openedHourOfWeek', 'resolvedAt',
  'resolutionMs', 'resolutionBms', 'firstResponderId', 'firstResponseMs', 'firstResponseBms', 'messagesIn', 'messagesOut', 'humanReplied', 'humanAssigned', 'botInvolved',
  'handedOver', 'repeatContact', 'computedAt',
] as const;

// Prepared once per connection: a backfill writes hundreds of thousands of these.
const insertMetricsRow = (db: Db) =>
  prepared(db, 'reports.insertMetricsRow', (d) =>
    d
      .insert(reportConversations)
      .values(Object.fromEntries(METRIC_COLUMNS.map((column) => [column, p(column)])) as unknown as typeof reportConversations.$inferInsert)
      .prepare(),
  );

const insertResponseRow = (db: Db) =>
  prepared(db, 'reports.insertResponseRow', (d) =>
    d
      .insert(reportResponses)
      .values({ conversationId: p('conversationId'), inboxId: p('inboxId'), teamId: p('teamId'), agentId: p('agentId'), openedAt: p('openedAt'), ms: p('ms'), bms: p('bms') })
      .prepare(),
  );

/** Conversations that have no reports row yet (created before the reports module ran, or missed): the backfill's work. */
export function conversationsWithoutMetrics(db: Db, limit: number): string[] {
  return db
    .select({ id: conversations.id })
    .from(conversations)
    .leftJoin(reportConversations, eq(reportConversations.conversationId, conversations.id))
    .where(isNull(reportConversations.conversationId))
    .limit(limit)
    .all()
    .map((row) => row.id);
}

function groupBy<T extends { conversationId: string | null }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    if (row.conversationId === null) continue;
    const list = grouped.get(row.conversationId);
    if (list) list.push(row);
    else grouped.set(row.conversationId, [row]);
  }
  return grouped;
}

import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { keywordRules } from './automation.tables';
import type { KeywordRule } from './keyword-rule';
import type { BilingualText } from './reply-language';

type Row = typeof keywordRules.$inferSelect;

function parseList<T>(json: string, keep: (item: unknown) => item is T): T[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(keep) : [];
  } catch {
    return [];
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBilingual = (v: unknown): v is BilingualText =>
  typeof v === 'object' && v !== null && typeof (v as BilingualText).en === 'string' && typeof (v as BilingualText).ar === 'string';

export function toKeywordRule(row: Row): KeywordRule {
  return {
    id: row.id,
    inboxId: row.inboxId,
    position: row.position,
    name: row.name,
    enabled: row.enabled,
    keywords: parseList(row.keywords, isString),
    matchMode: row.matchMode,
    replies: parseList(row.replies, isBilingual),
    buttons: parseList(row.buttons, isBilingual),
    handOver: row.handOver,
  };
}

/** Rules that apply to an inbox (its own and the all-inbox ones), in the order they are tried: position, then age. */
export function rulesForInbox(db: Db, inboxId: string): KeywordRule[] {
  // Prepared: automation reads the rules for every customer message.
  return prepared(db, 'automation.rulesForInbox', (d) =>
    d
      .select()
      .from(keywordRules)
      .where(or(eq(keywordRules.inboxId, sql.placeholder('inboxId')), isNull(keywordRules.inboxId)))
      .orderBy(asc(keywordRules.position), asc(keywordRules.createdAt), asc(keywordRules.id))
      .prepare(),
  )
    .all({ inboxId })
    .map(toKeywordRule);
}

export function findKeywordRule(db: Db, id: string): KeywordRule | undefined {
  const row = db.select().from(keywordRules).where(eq(keywordRules.id, id)).get();
  return row ? toKeywordRule(row) : undefined;
}

export type KeywordRuleValues = Omit<KeywordRule, 'id'>;

const columns = (values: KeywordRuleValues) => ({
  inboxId: values.inboxId,
  position: values.position,
  name: values.name,
  enabled: values.enabled,
  keywords: JSON.stringify(values.keywords),
  matchMode: values.matchMode,
  replies: JSON.stringify(values.replies),
  buttons: JSON.stringify(values.buttons),
  handOver: values.handOver,
});

export function insertKeywordRule(tx: Db, id: string, values: KeywordRuleValues, now: number): void {
  tx.insert(keywordRules).values({ id, ...columns(values), createdAt: now, updatedAt: now }).run();
}

export function updateKeywordRule(tx: Db, id: string, values: KeywordRuleValues, now: number): void {
  tx.update(keywordRules).set({ ...columns(values), updatedAt: now }).where(eq(keywordRules.id, id)).run();
}

export function deleteKeywordRuleRow(tx: Db, id: string): void {
  tx.delete(keywordRules).where(eq(keywordRules.id, id)).run();
}

/** The next position after the inbox's (or the all-inbox) rules, so a new rule is tried last. */
export function nextRulePosition(db: Db, inboxId: string | null): number {
  const scope = inboxId === null ? isNull(keywordRules.inboxId) : eq(keywordRules.inboxId, inboxId);
  const row = db.select({ max: sql<number | null>`max(${keywordRules.position})` }).from(keywordRules).where(and(scope)).get();
  return (row?.max ?? 0) + 1;
}

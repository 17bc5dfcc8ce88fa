import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { prepared } from '../platform/db/prepared';
import { routingRules } from './routing-rules.tables';
import { ruleThenSchema, ruleWhenSchema } from './routing-rules.schemas';
import type { RoutingRule } from './routing-rules';

export interface StoredRoutingRule extends RoutingRule {
  position: number;
  /** False when the stored JSON no longer reads as a rule: shown as broken, never obeyed. */
  valid: boolean;
}

type Row = typeof routingRules.$inferSelect;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Routing reads every rule for every new conversation: each stored JSON text is checked once, not once per message.
const parsedCache = new Map<string, { success: boolean; data?: unknown }>();
function parseCached<T>(schema: { safeParse(value: unknown): { success: boolean; data?: T } }, kind: string, text: string): { success: boolean; data?: T } {
  const key = `${kind}\u0000${text}`;
  let parsed = parsedCache.get(key);
  if (parsed === undefined) {
    if (parsedCache.size >= 1000) parsedCache.clear();
    parsedCache.set(key, (parsed = schema.safeParse(parseJson(text))));
  }
  return parsed as { success: boolean; data?: T };
}

function toRule(row: Row): StoredRoutingRule {
  const when = parseCached(ruleWhenSchema, 'when', row.when);
  const then = parseCached(ruleThenSchema, 'then', row.then);
  const valid = when.success && then.success;
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    valid,
    enabled: row.enabled && valid,
    when: when.success ? when.data! : {},
    then: then.success ? then.data! : { teamId: '' },
  };
}

/** Every rule in the order they are tried. */
export function listRoutingRules(db: Db): StoredRoutingRule[] {
  return prepared(db, 'routingRules.all', (d) => d.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.id)).prepare())
    .all()
    .map(toRule);
}

export function findRoutingRule(db: Db, id: string): StoredRoutingRule | undefined {
  const row = db.select().from(routingRules).where(eq(routingRules.id, id)).get();
  return row ? toRule(row) : undefined;
}

/** Where a new rule goes: after the last one. */
export function nextRulePosition(db: Db): number {
  return (db.select({ max: sql<number | null>`max(${routingRules.position})` }).from(routingRules).get()?.max ?? 0) + 1;
}

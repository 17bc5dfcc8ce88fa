import type { Db } from './client';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query built once per connection and reused. Building a query costs tens to hundreds of microseconds
 * (select-all on a wide table ~0.3 ms); running a prepared one costs a few. A transaction shares its parent's
 * session, so one cached statement serves both. Use `sql.placeholder('name')` for the values.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  const session = (db as unknown as { session: object }).session;
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) cache.set(key, (statement = build(db)));
  return statement;
}

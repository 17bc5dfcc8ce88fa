import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from './accounts.tables';
import { newSecretToken, sha256Hex } from '../platform/crypto';
import { runInTransaction } from '../platform/db/client';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AccountDeps } from './accounts.deps';
import type { Db } from '../platform/db/client';

const TOKEN_PREFIX = 'rsl_';

/** Creates an API token. The plain token is returned once and only its hash is kept. */
export function createApiToken({ name }: { name: string }, actor: AuditActor, deps: AccountDeps) {
  const token = TOKEN_PREFIX + newSecretToken();
  const id = deps.newId('tok');
  runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    tx.insert(apiTokens).values({ id, name, tokenHash: sha256Hex(token), createdBy: actor.id, createdAt: now }).run();
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'token.created', targetType: 'api_token', targetId: id, details: { name } });
  });
  return { id, token };
}

/** The token's row when the bearer value is a live token; bumps last-used at most once a minute. */
export function authenticateApiToken(db: Db, bearer: string | undefined, now: number) {
  if (!bearer?.startsWith(TOKEN_PREFIX) || bearer.length > 100) return undefined;
  const row = db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(bearer)), isNull(apiTokens.revokedAt)))
    .get();
  if (row && (row.lastUsedAt === null || now - row.lastUsedAt > 60_000)) {
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  }
  return row;
}

export const listApiTokens = (db: Db) =>
  db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt))
    .all();

export function revokeApiToken({ id }: { id: string }, actor: AuditActor, deps: AccountDeps): boolean {
  return runInTransaction(deps.db, (tx) => {
    const now = deps.clock.now();
    const result = tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id })
      .all();
    if (result.length === 0) return false;
    recordAudit(tx, { newId: deps.newId, now }, actor, { action: 'token.revoked', targetType: 'api_token', targetId: id });
    return true;
  });
}

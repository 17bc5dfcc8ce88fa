import type { Db } from '../platform/db/client';
import type { Clock } from '../platform/clock';
import type { NewId } from '../platform/ids';
import { inboxes } from './conversations.tables';

/**
 * Adds an inbox: the place a channel's conversations live. Synchronous, so a channel can create its inbox inside
 * the same transaction as its own row (pass the transaction as `db`).
 */
export function createInbox(input: { name: string }, deps: { db: Db; clock: Clock; newId: NewId }): { inboxId: string } {
  const now = deps.clock.now();
  const inboxId = deps.newId('ibx');
  deps.db.insert(inboxes).values({ id: inboxId, name: input.name, channelType: 'whatsapp', createdAt: now, updatedAt: now }).run();
  return { inboxId };
}

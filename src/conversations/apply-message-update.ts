import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { messages } from './conversations.tables';
import { findMessageByWaId, messageContent } from './messages.repository';
import { indexMessage, removeMessageFromIndex } from './search/search-index';

export type UpdateOutcome = 'applied' | 'unchanged' | 'unknown-target';

/** Who reacted, as the key in `messages.reactions`: the customer, or the business (agents and the Business app alike). */
const reactionKey = (by: 'contact' | 'business_app') => (by === 'contact' ? 'contact' : 'business');

/** A reaction from the customer (or the Business app) to a stored message; an empty emoji removes it. */
export function applyReaction(input: { targetWaId: string; emoji: string; by: 'contact' | 'business_app' }, deps: { db: Db }): UpdateOutcome {
  const target = findMessageByWaId(deps.db, input.targetWaId);
  if (!target) return 'unknown-target';
  const reactions = parseObject(target.reactions);
  const key = reactionKey(input.by);
  if ((reactions[key] ?? '') === input.emoji) return 'unchanged';
  if (input.emoji) reactions[key] = input.emoji;
  else delete reactions[key];
  deps.db.update(messages).set({ reactions: JSON.stringify(reactions) }).where(eq(messages.id, target.id)).run();
  return 'applied';
}

/** The author edited a message: new text or caption, the time of the edit; the rest of its content is kept. */
export function applyMessageEdit(input: { targetWaId: string; body: string; content: Record<string, unknown>; at: number }, deps: { db: Db }): UpdateOutcome {
  const target = findMessageByWaId(deps.db, input.targetWaId);
  if (!target) return 'unknown-target';
  if (target.editedAt !== null && target.editedAt >= input.at) return 'unchanged';
  const { mimeType: _ignoredMime, ...rest } = input.content;
  const content = { ...messageContent(target), ...rest, edited: true };
  deps.db.update(messages).set({ body: input.body, content: JSON.stringify(content), editedAt: input.at }).where(eq(messages.id, target.id)).run();
  indexMessage(deps.db, { id: target.id, conversationId: target.conversationId, kind: target.kind, body: input.body });
  return 'applied';
}

/** The author deleted a message for everyone: it stays in the timeline, marked deleted. */
export function applyMessageRevoke(input: { targetWaId: string; at: number }, deps: { db: Db }): UpdateOutcome {
  const target = findMessageByWaId(deps.db, input.targetWaId);
  if (!target) return 'unknown-target';
  if (target.deletedAt !== null) return 'unchanged';
  deps.db.update(messages).set({ deletedAt: input.at }).where(eq(messages.id, target.id)).run();
  removeMessageFromIndex(deps.db, target.id);
  return 'applied';
}

function parseObject(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

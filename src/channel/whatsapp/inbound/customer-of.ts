import type { ContactIdentity } from '../../../contacts/upsert-contact';
import type { InboundEvent, InboundEvents } from './inbound-events';
import type { PayloadContact } from './webhook-payload.schema';

/**
 * The customer behind an inbound message: `from` / `from_user_id`, completed from the matching `contacts[]` entry
 * (profile name, the other half of the identity). A lone contacts[] entry stands in only when the message names nobody.
 */
export function customerOf(raw: unknown, contacts: PayloadContact[], direct?: { waId?: string; userId?: string }): ContactIdentity | null {
  const item = (raw && typeof raw === 'object' ? raw : {}) as { from?: unknown; from_user_id?: unknown };
  let waId = direct ? direct.waId || null : textOrNull(item.from);
  let userId = direct ? direct.userId || null : textOrNull(item.from_user_id);
  const match =
    contacts.find((c) => (waId && c.wa_id === waId) || (userId && c.user_id === userId)) ?? (!waId && !userId && contacts.length === 1 ? contacts[0] : undefined);
  waId ||= match?.wa_id || null;
  userId ||= match?.user_id || null;
  if (!waId && !userId) return null;
  return { waId, userId, profileName: match?.profile?.name || undefined, username: match?.profile?.username || undefined };
}

export function pushResult(out: InboundEvents, result: { event: InboundEvent } | { problem: string }) {
  if ('event' in result) out.events.push(result.event);
  else out.problems.push(result.problem);
}

function textOrNull(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

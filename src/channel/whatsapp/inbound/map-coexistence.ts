import type { InboundEvents } from './inbound-events';
import { mapMessage, toErrorInfo, toMs } from './map-message';
import { customerOf, pushResult } from './customer-of';
import { accountUpdateSchema, historyItemSchema, idText, stateSyncItemSchema, type PayloadValue } from './webhook-payload.schema';

interface Scope {
  phoneNumberId: string;
  receivedAt: number;
}

/**
 * Coexistence fields (the number is also used in the WhatsApp Business app) and account events. Returns false
 * for a field it does not handle.
 */
export function mapCoexistenceChange(field: string, value: PayloadValue, rawValue: unknown, scope: Scope, out: InboundEvents): boolean {
  if (field === 'smb_message_echoes') {
    mapEchoes(value, scope, out);
    return true;
  }
  if (field === 'history') {
    mapHistory(value, scope, out);
    return true;
  }
  if (field === 'smb_app_state_sync') {
    mapStateSync(value, scope, out);
    return true;
  }
  if (field === 'account_update') {
    const update = accountUpdateSchema.safeParse(rawValue);
    const event = update.success ? (update.data.event ?? '') : '';
    if (update.success && event === 'PARTNER_REMOVED') {
      const info = update.data.disconnection_info;
      out.events.push({ type: 'partner-removed', phoneNumberId: scope.phoneNumberId, phoneNumber: update.data.phone_number ?? '', reason: info?.reason ?? '', initiatedBy: info?.initiated_by ?? '' });
    } else out.ignored.push(`account_update:${event || 'unknown'}`);
    return true;
  }
  return false;
}

/** Messages the owner typed in the Business app: `from` is the business, `to` the customer. */
function mapEchoes(value: PayloadValue, scope: Scope, out: InboundEvents) {
  const business = value.metadata?.display_phone_number;
  for (const raw of value.message_echoes ?? []) {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const from = text(item.from);
    const to = text(item.to);
    // Some samples swap the two; the customer is whichever side is not our number.
    const customerIsFrom = business !== undefined && to === business && from !== business;
    const contact = customerOf(raw, value.contacts ?? [], customerIsFrom ? { waId: from, userId: text(item.from_user_id) } : { waId: to, userId: text(item.to_user_id) });
    if (!contact) {
      out.problems.push('echo without a recipient');
      continue;
    }
    pushResult(out, mapMessage(raw, { phoneNumberId: scope.phoneNumberId, contact, authorType: 'business_app', imported: false, fallbackTime: scope.receivedAt }));
  }
}

/**
 * History sync: chunks of past threads (any order), a declined notice, or a media follow-up whose `messages[]`
 * reuse the wamid of an earlier `media_placeholder`.
 */
function mapHistory(value: PayloadValue, scope: Scope, out: InboundEvents) {
  for (const raw of value.history ?? []) {
    const item = historyItemSchema.safeParse(raw);
    if (!item.success) {
      out.problems.push('history item not readable');
      continue;
    }
    for (const error of item.data.errors ?? []) out.events.push({ type: 'history-declined', phoneNumberId: scope.phoneNumberId, error: toErrorInfo(error) });
    for (const thread of item.data.threads ?? []) {
      if (!thread.id) {
        out.problems.push('history thread without an id');
        continue;
      }
      for (const message of thread.messages) {
        const from = text((message as { from?: unknown } | null)?.from);
        const byBusiness = from !== undefined && from !== thread.id;
        const contact = { waId: thread.id, userId: null };
        pushResult(out, mapMessage(message, { phoneNumberId: scope.phoneNumberId, contact, authorType: byBusiness ? 'business_app' : 'contact', imported: true, fallbackTime: scope.receivedAt }));
      }
    }
  }
  for (const raw of value.messages ?? []) {
    const from = text((raw as { from?: unknown } | null)?.from);
    const business = value.metadata?.display_phone_number;
    const byBusiness = business !== undefined && from === business;
    const contact = byBusiness ? customerOf({ from: text((raw as { to?: unknown }).to) }, value.contacts ?? []) : customerOf(raw, value.contacts ?? []);
    if (!contact) {
      out.problems.push('history media without a customer');
      continue;
    }
    pushResult(out, mapMessage(raw, { phoneNumberId: scope.phoneNumberId, contact, authorType: byBusiness ? 'business_app' : 'contact', imported: true, fallbackTime: scope.receivedAt }));
  }
}

/** Contacts added, edited or removed in the Business app's address book. */
function mapStateSync(value: PayloadValue, scope: Scope, out: InboundEvents) {
  for (const raw of value.state_sync ?? []) {
    const item = stateSyncItemSchema.safeParse(raw);
    if (!item.success || item.data.type !== 'contact' || !item.data.contact?.phone_number) {
      out.ignored.push(`state_sync:${item.success ? item.data.type : 'unreadable'}`);
      continue;
    }
    const c = item.data.contact;
    out.events.push({
      type: 'contact-sync',
      phoneNumberId: scope.phoneNumberId,
      action: item.data.action ?? 'add',
      waId: c.phone_number!.replace(/^\+/, ''),
      name: c.full_name ?? c.first_name ?? '',
      at: item.data.metadata?.timestamp !== undefined ? toMs(item.data.metadata.timestamp, scope.receivedAt) : null,
    });
  }
}

function text(v: unknown): string | undefined {
  const parsed = idText.safeParse(v);
  return parsed.success && parsed.data.trim() ? parsed.data.trim() : undefined;
}

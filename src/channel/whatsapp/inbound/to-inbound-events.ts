import { DELIVERY_STATUSES, type DeliveryStatus, type InboundEvents } from './inbound-events';
import { mapMessage, toErrorInfo, toMs } from './map-message';
import { mapCoexistenceChange } from './map-coexistence';
import { customerOf, pushResult } from './customer-of';
import { changeSchema, envelopeSchema, statusSchema, valueSchema, type PayloadValue } from './webhook-payload.schema';

/** Fields that carry nothing for a 1:1 inbox; kept in the journal, counted, and otherwise left alone. */
const IGNORED_FIELDS = /^(user_preferences|group_.*|message_template_.*|template_.*|phone_number_.*|business_.*|security|flows)$/;

/**
 * Pure: turns one webhook body (already JSON-parsed) into typed events, reading EVERY entry, change and item.
 * Nothing here touches the database, so every shape in the corpus can be unit-tested as plain data.
 */
export function toInboundEvents(payload: unknown, receivedAt: number): InboundEvents {
  const out: InboundEvents = { events: [], ignored: [], problems: [] };
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) {
    out.problems.push('not a WhatsApp webhook envelope (no entry[] array)');
    return out;
  }
  if (envelope.data.object && envelope.data.object !== 'whatsapp_business_account') out.ignored.push(`object:${envelope.data.object}`);
  for (const entry of envelope.data.entry) {
    for (const rawChange of entry.changes) {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        out.problems.push('change without a field name');
        continue;
      }
      const value = valueSchema.safeParse(change.data.value);
      if (!value.success) {
        out.problems.push(`change "${change.data.field}" has no readable value`);
        continue;
      }
      routeChange(change.data.field, value.data, change.data.value, receivedAt, out);
    }
  }
  return out;
}

function routeChange(field: string, value: PayloadValue, rawValue: unknown, receivedAt: number, out: InboundEvents) {
  const phoneNumberId = value.metadata?.phone_number_id ?? '';
  if (field === 'messages') return mapMessagesValue(value, phoneNumberId, receivedAt, out);
  if (mapCoexistenceChange(field, value, rawValue, { phoneNumberId, receivedAt }, out)) return;
  out.ignored.push(IGNORED_FIELDS.test(field) ? field : `unknown field ${field}`);
}

function mapMessagesValue(value: PayloadValue, phoneNumberId: string, receivedAt: number, out: InboundEvents) {
  const contacts = value.contacts ?? [];
  for (const raw of value.messages ?? []) {
    const contact = customerOf(raw, contacts);
    if (!contact) {
      out.problems.push('message without a sender (no from, from_user_id or contacts[])');
      continue;
    }
    pushResult(out, mapMessage(raw, { phoneNumberId, contact, authorType: 'contact', imported: false, fallbackTime: receivedAt }));
  }
  for (const raw of value.statuses ?? []) {
    const status = statusSchema.safeParse(raw);
    if (!status.success) {
      out.problems.push('status without a readable id/status');
      continue;
    }
    const s = status.data;
    const name = s.status.toLowerCase();
    if (!(DELIVERY_STATUSES as readonly string[]).includes(name)) {
      out.ignored.push(`status:${name}`);
      continue;
    }
    out.events.push({
      type: 'status',
      phoneNumberId,
      waMessageId: s.id,
      status: name as DeliveryStatus,
      at: toMs(s.timestamp, receivedAt),
      recipient: { waId: s.recipient_id || null, userId: s.recipient_user_id || null },
      callbackData: s.biz_opaque_callback_data ?? null,
      errors: (s.errors ?? []).map(toErrorInfo),
    });
  }
  for (const error of value.errors ?? []) out.events.push({ type: 'system-error', phoneNumberId, error: toErrorInfo(error) });
}

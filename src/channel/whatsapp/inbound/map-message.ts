import { z } from 'zod';
import type { ContactIdentity } from '../../../contacts/upsert-contact';
import type { MetaErrorInfo } from '../../../conversations/message-content';
import type { InboundEvent, MessageEvent } from './inbound-events';
import { messageBaseSchema, idText, type MetaError, type PayloadMessage } from './webhook-payload.schema';
import { compact, mapMessageKind } from './map-message-kind';

export interface MessageScope {
  phoneNumberId: string;
  /** Who the customer is for this item (already resolved from from/to and contacts[]). */
  contact: ContactIdentity;
  authorType: 'contact' | 'business_app';
  imported: boolean;
  /** Used when the item carries no timestamp: when we received the webhook. */
  fallbackTime: number;
}

const HISTORY_STATUSES = { SENT: 'sent', DELIVERED: 'delivered', READ: 'read', PLAYED: 'played' } as const;

// Built once: zod compiles each schema on first use, so schemas made per call would be compiled per message.
const reactionSchema = z.looseObject({ message_id: z.string(), emoji: z.string().optional() });
const revokeSchema = z.looseObject({ original_message_id: z.string() });
const editSchema = z.looseObject({ original_message_id: z.string(), message: z.looseObject({ type: z.string() }) });
const systemSchema = z.looseObject({ type: z.string().optional(), body: z.string().optional(), wa_id: idText.optional() });
const subtypeSchema = z.looseObject({ type: z.string() });

/** Reads one item of `messages[]`, `message_echoes[]` or a history thread into an event; bad items become problems. */
export function mapMessage(raw: unknown, scope: MessageScope): { event: InboundEvent } | { problem: string } {
  const parsed = messageBaseSchema.safeParse(raw);
  if (!parsed.success) return { problem: `message without a readable ${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')}` };
  const message = parsed.data as PayloadMessage;
  const at = toMs(message.timestamp, scope.fallbackTime);
  const base = { phoneNumberId: scope.phoneNumberId, contact: scope.contact, waMessageId: message.id, at, authorType: scope.authorType };
  const special = mapSpecial(message, base);
  if (special) return { event: special };

  const mapped = mapMessageKind(message.type, message);
  const common = commonContent(message, scope);
  const event: MessageEvent = {
    type: 'message',
    phoneNumberId: scope.phoneNumberId,
    contact: scope.contact,
    waMessageId: message.id,
    replyToWaId: message.context?.id ?? null,
    sentAt: at,
    authorType: scope.authorType,
    imported: scope.imported,
    ...(mapped
      ? { kind: mapped.kind, body: mapped.body, content: { ...mapped.content, ...common }, media: mapped.media }
      : { kind: 'unsupported', body: '', content: { ...unsupportedContent(message), ...common } }),
  };
  const historyStatus = message.history_context?.status?.toUpperCase();
  if (scope.imported && scope.authorType === 'business_app' && historyStatus && historyStatus in HISTORY_STATUSES) {
    event.historyStatus = HISTORY_STATUSES[historyStatus as keyof typeof HISTORY_STATUSES];
  }
  return { event };
}

type SpecialBase = { phoneNumberId: string; contact: ContactIdentity; waMessageId: string; at: number; authorType: 'contact' | 'business_app' };

/** Kinds that change something else rather than adding a bubble: reactions, edits, deletions, system notices. */
function mapSpecial(message: PayloadMessage, base: SpecialBase): InboundEvent | null {
  if (message.type === 'reaction') {
    const reaction = reactionSchema.safeParse(message.reaction);
    if (reaction.success) return { type: 'reaction', ...base, targetWaId: reaction.data.message_id, emoji: reaction.data.emoji ?? '' };
    return null;
  }
  if (message.type === 'revoke') {
    const revoke = revokeSchema.safeParse(message.revoke);
    if (revoke.success) return { type: 'revoke', ...base, targetWaId: revoke.data.original_message_id };
    return null;
  }
  if (message.type === 'edit') {
    const edit = editSchema.safeParse(message.edit);
    if (!edit.success) return null;
    const replacement = edit.data.message as Record<string, unknown> & { type: string };
    const mapped = mapMessageKind(replacement.type, replacement);
    if (!mapped) return null;
    return { type: 'edit', ...base, targetWaId: edit.data.original_message_id, body: mapped.body, content: mapped.content };
  }
  if (message.type === 'system') {
    const system = systemSchema.safeParse(message.system);
    const body = system.success ? (system.data.body ?? '') : '';
    const { authorType: _author, ...rest } = base;
    if (system.success && system.data.type === 'user_changed_number' && system.data.wa_id) {
      return { type: 'number-changed', ...rest, newWaId: system.data.wa_id, body };
    }
    return { type: 'identity-changed', ...rest, body };
  }
  return null;
}

function commonContent(message: PayloadMessage, scope: MessageScope): Record<string, unknown> {
  const c = message.context;
  const context = c
    ? compact({
        id: c.id,
        from: c.from,
        forwarded: c.forwarded || undefined,
        frequentlyForwarded: c.frequently_forwarded || undefined,
        referredProduct: c.referred_product ? compact({ catalogId: c.referred_product.catalog_id, productRetailerId: c.referred_product.product_retailer_id }) : undefined,
      })
    : undefined;
  const r = message.referral;
  const referral = r
    ? compact({
        headline: r.headline,
        body: r.body,
        sourceType: r.source_type,
        sourceUrl: r.source_url,
        sourceId: r.source_id,
        mediaType: r.media_type,
        imageUrl: r.image_url,
        videoUrl: r.video_url,
        thumbnailUrl: r.thumbnail_url,
        ctwaClid: r.ctwa_clid,
        welcomeMessage: r.welcome_message?.text,
      })
    : undefined;
  return compact({
    context: context && Object.keys(context).length ? context : undefined,
    referral,
    via: scope.authorType === 'business_app' ? ('business_app' as const) : undefined,
    history: scope.imported ? compact({ status: message.history_context?.status }) : undefined,
    errors: message.type !== 'unsupported' && message.errors?.length ? message.errors.map(toErrorInfo) : undefined,
  });
}

function unsupportedContent(message: PayloadMessage): Record<string, unknown> {
  const subtype = subtypeSchema.safeParse(message.unsupported);
  return compact({ type: message.type, subtype: subtype.success ? subtype.data.type : undefined, errors: (message.errors ?? []).map(toErrorInfo), raw: message });
}

export function toErrorInfo(error: MetaError): MetaErrorInfo {
  return compact({ code: Number.isFinite(error.code) ? error.code : undefined, title: error.title ?? error.message, detail: error.error_data?.details ?? error.details });
}

/** Meta's timestamps are unix seconds (as text or number); anything unreadable falls back to receipt time. */
export function toMs(seconds: number | undefined, fallback: number): number {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : fallback;
}

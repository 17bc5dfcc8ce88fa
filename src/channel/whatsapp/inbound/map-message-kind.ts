import { z } from 'zod';
import type { InboundMedia } from '../../../conversations/receive-inbound-message';
import type { ContactCard, OrderItem } from '../../../conversations/message-content';
import { idText } from './webhook-payload.schema';

/** The stored shape of one message kind: its `kind` column, bubble text, structured content and media to fetch. */
export interface MappedKind {
  kind: string;
  body: string;
  content: Record<string, unknown>;
  media?: InboundMedia;
}

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

const mediaSchema = z.looseObject({
  id: idText.optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  url: z.string().optional(),
});
const locationSchema = z.looseObject({
  latitude: z.coerce.number().optional(),
  longitude: z.coerce.number().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});
const cardSchema = z.looseObject({
  name: z.looseObject({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  phones: z.array(z.looseObject({ phone: idText.optional(), wa_id: idText.optional(), type: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
  urls: z.array(z.looseObject({ url: z.string().optional(), type: z.string().optional() })).optional(),
  org: z.looseObject({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() }).optional(),
  birthday: z.string().optional(),
});
const textSchema = z.looseObject({ body: z.string() });
const buttonSchema = z.looseObject({ payload: z.string().optional(), text: z.string().optional() });
const cardsSchema = z.array(cardSchema);
const replySchema = z.looseObject({ id: idText, title: z.string().default(''), description: z.string().optional() });
const interactiveSchema = z.looseObject({
  type: z.string(),
  button_reply: replySchema.optional(),
  list_reply: replySchema.optional(),
  nfm_reply: z.looseObject({ response_json: z.string().optional(), body: z.string().optional(), name: z.string().optional() }).optional(),
});
const orderSchema = z.looseObject({
  catalog_id: idText.optional(),
  text: z.string().optional(),
  product_items: z
    .array(
      z.looseObject({
        product_retailer_id: idText.default(''),
        quantity: z.coerce.number().default(1),
        item_price: z.coerce.number().default(0),
        currency: z.string().default(''),
      }),
    )
    .default([]),
});

/**
 * Maps the kind-specific part of a WhatsApp message (`message[type]`) to what we store. Returns null when that
 * part is missing or unreadable, so the caller can keep the item as `unsupported` instead of losing it.
 */
export function mapMessageKind(type: string, message: Record<string, unknown>): MappedKind | null {
  const part = message[type];
  if (type === 'text') {
    const text = textSchema.safeParse(part);
    return text.success ? { kind: 'text', body: text.data.body, content: {} } : null;
  }
  if ((MEDIA_TYPES as readonly string[]).includes(type)) return mapMedia(type, part);
  if (type === 'location') {
    const loc = locationSchema.safeParse(part);
    if (!loc.success) return null;
    const { latitude, longitude, name, address, url } = loc.data;
    return { kind: 'location', body: name ?? address ?? '', content: compact({ latitude, longitude, name, address, url }) };
  }
  if (type === 'contacts') {
    const cards = cardsSchema.safeParse(part);
    if (!cards.success) return null;
    const contacts = cards.data.map(toCard);
    return { kind: 'contacts', body: contacts.map((c) => c.name).filter(Boolean).join(', '), content: { contacts } };
  }
  if (type === 'interactive') return mapInteractive(part);
  if (type === 'button') {
    const button = buttonSchema.safeParse(part);
    return button.success ? { kind: 'button', body: button.data.text ?? button.data.payload ?? '', content: compact({ payload: button.data.payload, text: button.data.text }) } : null;
  }
  if (type === 'order') return mapOrder(part);
  if (type === 'media_placeholder') return { kind: 'media_placeholder', body: '', content: {} };
  return null;
}

function mapMedia(type: string, part: unknown): MappedKind | null {
  const parsed = mediaSchema.safeParse(part);
  if (!parsed.success) return null;
  const m = parsed.data;
  const kind = type === 'audio' && m.voice ? 'voice' : type;
  const mimeType = m.mime_type ?? '';
  const fileName = type === 'document' ? (m.filename ?? '') : '';
  const content = compact({ mimeType, fileName: fileName || undefined, animated: m.animated, voice: m.voice });
  const media = m.id ? { waMediaId: m.id, mimeType, fileName: fileName || undefined, expectedSha256: m.sha256 } : undefined;
  return { kind, body: m.caption ?? '', content, media };
}

function mapInteractive(part: unknown): MappedKind | null {
  const parsed = interactiveSchema.safeParse(part);
  if (!parsed.success) return null;
  const i = parsed.data;
  const reply = i.type === 'button_reply' ? i.button_reply : i.type === 'list_reply' ? i.list_reply : undefined;
  if (reply) return { kind: 'interactive', body: reply.title, content: { interactiveType: i.type, reply: compact({ ...reply }) } };
  if (i.type === 'nfm_reply' && i.nfm_reply) {
    const { name, body, response_json } = i.nfm_reply;
    return { kind: 'interactive', body: body ?? '', content: { interactiveType: 'nfm_reply', flow: compact({ name, body, response: parseLoose(response_json ?? '') }) } };
  }
  return null;
}

function mapOrder(part: unknown): MappedKind | null {
  const parsed = orderSchema.safeParse(part);
  if (!parsed.success) return null;
  const items: OrderItem[] = parsed.data.product_items.map((p) => ({ productRetailerId: p.product_retailer_id, quantity: p.quantity, itemPrice: p.item_price, currency: p.currency }));
  const currencies = [...new Set(items.map((i) => i.currency))];
  // A total only makes sense in one currency; mixed baskets show the items alone.
  const total = items.length && currencies.length === 1 ? { amount: roundCents(items.reduce((sum, i) => sum + i.quantity * i.itemPrice, 0)), currency: currencies[0]! } : null;
  return { kind: 'order', body: parsed.data.text ?? '', content: compact({ catalogId: parsed.data.catalog_id, text: parsed.data.text || undefined, items, total }) };
}

function toCard(card: z.infer<typeof cardSchema>): ContactCard {
  const name = card.name?.formatted_name || [card.name?.first_name, card.name?.last_name].filter(Boolean).join(' ');
  return compact({
    name,
    firstName: card.name?.first_name,
    lastName: card.name?.last_name,
    phones: (card.phones ?? []).filter((p) => p.phone || p.wa_id).map((p) => compact({ phone: p.phone ?? p.wa_id ?? '', waId: p.wa_id, type: p.type })),
    emails: (card.emails ?? []).filter((e) => e.email).map((e) => compact({ email: e.email!, type: e.type })),
    urls: (card.urls ?? []).filter((u) => u.url).map((u) => compact({ url: u.url!, type: u.type })),
    org: card.org && (card.org.company || card.org.department || card.org.title) ? compact({ company: card.org.company, department: card.org.department, title: card.org.title }) : undefined,
    birthday: card.birthday,
  });
}

const roundCents = (n: number) => Math.round(n * 100) / 100;

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Drops undefined fields so stored JSON stays small and comparable. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import type { MessageKey } from '../i18n/translate';
import type { TimelineText } from '../i18n/timeline-text';
import type { ContactCard, MetaErrorInfo, OrderItem } from './message-content';
import { LIST_EVENT_KEYS } from './list-events';

/** The kind-specific part of a bubble. Links are pre-checked here so views never build an href from raw input. */
export type MessageDetail =
  | { type: 'text' }
  | { type: 'note' }
  | { type: 'media'; mediaKind: 'image' | 'sticker' | 'video' | 'audio' | 'voice' | 'document' }
  | { type: 'placeholder' }
  | { type: 'location'; name: string; address: string; latitude: number | null; longitude: number | null; mapUrl: string | null; url: string | null }
  | { type: 'contacts'; cards: ContactCardView[] }
  | { type: 'choice'; title: string; description: string; source: 'interactive' | 'button' | 'flow' }
  | { type: 'options'; header: string; footer: string; button: string; options: string[] }
  | { type: 'reaction'; emoji: string }
  | { type: 'order'; text: string; items: { product: string; quantity: number; price: number; currency: string }[]; total: { amount: number; currency: string } | null }
  | { type: 'template'; name: string; language: string; text: string }
  /** `explanation`: a whole sentence stored with the event (why routing chose an agent, which rule fired). */
  | { type: 'event'; key: MessageKey | null; vars: Record<string, string>; explanation?: TimelineText }
  | { type: 'unsupported'; reason: string };

export interface ContactCardView {
  name: string;
  org: string;
  phones: { label: string; href: string | null }[];
  emails: { label: string; href: string | null }[];
}

const MEDIA_KINDS = ['image', 'sticker', 'video', 'audio', 'voice', 'document'] as const;
const EVENT_KEYS: Record<string, MessageKey> = {
  number_changed: 'inbox.event.numberChanged',
  identity_changed: 'inbox.event.identityChanged',
  status_changed: 'inbox.event.statusChanged',
  ...LIST_EVENT_KEYS,
  lock_taken_over: 'lock.event.takenOver',
  idle_released: 'lock.event.idleReleased',
  contact_updated: 'sidebar.event.updated',
};

type Content = Record<string, unknown>;

export function toMessageDetail(
  kind: string,
  body: string,
  content: Content,
  context: { templateText: (name: string, language: string, variables: string[]) => string | undefined },
): MessageDetail {
  if (kind === 'text') return { type: 'text' };
  if (kind === 'note') return { type: 'note' };
  if ((MEDIA_KINDS as readonly string[]).includes(kind)) return { type: 'media', mediaKind: kind as (typeof MEDIA_KINDS)[number] };
  if (kind === 'media_placeholder') return { type: 'placeholder' };
  if (kind === 'location') return toLocation(content);
  if (kind === 'contacts') return { type: 'contacts', cards: list<ContactCard>(content.contacts).map(toCardView) };
  if (kind === 'interactive') return toInteractive(body, content);
  if (kind === 'button') return { type: 'choice', title: text(content.text) || text(content.payload) || body, description: '', source: 'button' };
  if (kind === 'reaction') return { type: 'reaction', emoji: text(content.emoji) || body };
  if (kind === 'order') return toOrder(content);
  if (kind === 'template') {
    const name = text(content.name) || body;
    const language = text(content.language);
    const variables = Array.isArray(content.variables) ? content.variables.map(text) : [];
    return { type: 'template', name, language, text: context.templateText(name, language, variables) ?? variables.join(' · ') };
  }
  if (kind === 'event' || kind === 'system') {
    const key = EVENT_KEYS[text(content.event)] ?? null;
    const vars = Object.fromEntries(Object.entries(content).map(([k, v]) => [k, text(v)]));
    return isTimelineText(content.explanation) ? { type: 'event', key, vars, explanation: content.explanation } : { type: 'event', key, vars };
  }
  const errors = list<MetaErrorInfo>(content.errors);
  const reason = errors.map((e) => text(e.detail) || text(e.title)).find(Boolean) ?? text(content.subtype);
  return { type: 'unsupported', reason };
}

function toLocation(content: Content): MessageDetail {
  const latitude = coordinate(content.latitude, 90);
  const longitude = coordinate(content.longitude, 180);
  const mapUrl = latitude !== null && longitude !== null ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}` : null;
  return { type: 'location', name: text(content.name), address: text(content.address), latitude, longitude, mapUrl, url: httpsUrl(content.url) };
}

function toInteractive(body: string, content: Content): MessageDetail {
  const reply = content.reply as { title?: unknown; description?: unknown } | undefined;
  if (reply && typeof reply === 'object') return { type: 'choice', title: text(reply.title) || body, description: text(reply.description), source: 'interactive' };
  const flow = content.flow as { name?: unknown; body?: unknown } | undefined;
  if (flow && typeof flow === 'object') return { type: 'choice', title: text(flow.body) || body || text(flow.name), description: '', source: 'flow' };
  // Our own outgoing buttons or list (stored as the OutboundContent we queued).
  if (content.kind === 'buttons') {
    const buttons = list<{ title?: unknown }>(content.buttons).map((b) => text(b.title));
    return { type: 'options', header: text(content.header), footer: text(content.footer), button: '', options: buttons };
  }
  if (content.kind === 'list') {
    const rows = list<{ rows?: unknown }>(content.sections).flatMap((s) => list<{ title?: unknown }>(s.rows).map((r) => text(r.title)));
    return { type: 'options', header: '', footer: '', button: text(content.button), options: rows };
  }
  return { type: 'choice', title: body, description: '', source: 'interactive' };
}

function toOrder(content: Content): MessageDetail {
  const items = list<OrderItem>(content.items).map((i) => ({ product: text(i.productRetailerId), quantity: num(i.quantity), price: num(i.itemPrice), currency: text(i.currency) }));
  const total = content.total as { amount?: unknown; currency?: unknown } | null | undefined;
  return { type: 'order', text: text(content.text), items, total: total && typeof total === 'object' ? { amount: num(total.amount), currency: text(total.currency) } : null };
}

function toCardView(card: ContactCard): ContactCardView {
  const org = card.org && typeof card.org === 'object' ? [card.org.company, card.org.department, card.org.title].map(text).filter(Boolean).join(' · ') : '';
  return {
    name: text(card.name),
    org,
    phones: list<{ phone?: unknown; waId?: unknown }>(card.phones).map((p) => {
      const label = text(p.phone) || text(p.waId);
      const digits = label.replace(/\D/g, '');
      // WhatsApp numbers are international; a card without "+" still dials best with it when Meta gave a wa_id.
      const international = label.trim().startsWith('+') || Boolean(text(p.waId));
      return { label, href: digits.length >= 3 ? `tel:${international ? '+' : ''}${digits}` : null };
    }),
    emails: list<{ email?: unknown }>(card.emails).map((e) => {
      const label = text(e.email);
      return { label, href: /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(label) ? `mailto:${label}` : null };
    }),
  };
}

/** The address when it is a well-formed https URL; anything else (javascript:, data:, http:) is dropped. */
export function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

function coordinate(value: unknown, limit: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

/** Stored JSON shaped like a TimelineText; the translator falls back to the key for one it does not know. */
function isTimelineText(value: unknown): value is TimelineText {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as { key?: unknown; vars?: unknown };
  return typeof candidate.key === 'string' && typeof candidate.vars === 'object' && candidate.vars !== null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as T[]) : []);

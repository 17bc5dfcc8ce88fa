import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { contacts } from '../../../contacts/contacts.tables';
import { conversations, messages } from '../../../conversations/conversations.tables';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import type { FakeSentMessage } from '../fake-graph/fake-graph';
import type { CustomerSend, SandboxRuntime } from './sandbox-runtime';
import { optionsOf, sentTo, type BusinessOption } from './business-messages';

export type Ticks = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** One bubble on the sandbox phone, seen from the customer's side. All text is untrusted and escaped by the view. */
export interface PhoneBubble {
  waMessageId: string;
  from: 'customer' | 'business';
  at: number;
  kind: 'text' | 'image' | 'location' | 'choice' | 'template' | 'media' | 'other';
  text: string;
  header?: string;
  footer?: string;
  /** Served by /sandbox/media/:id from the fake Graph's store. */
  imageId?: string;
  location?: { latitude: number; longitude: number; name: string; address: string };
  options?: BusinessOption[];
  listButton?: string;
  quote?: string;
  /** The other side's reaction to this bubble. */
  reaction?: string;
  /** Delivery ticks on the business's messages (what Rasil knows from status webhooks) and on the customer's own. */
  ticks: Ticks | null;
}

/** The phone shows the latest messages only; it is re-read every two seconds. */
const THREAD_LIMIT = 200;
const TICKS: Record<string, Ticks> = { queued: 'pending', sending: 'pending', unknown: 'pending', sent: 'sent', delivered: 'delivered', read: 'read', played: 'read', failed: 'failed' };
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The conversation as the sandbox customer's phone shows it: what they sent (stored by Rasil, or still on its way)
 * and what the business sent that reached the fake Graph, with ticks, reactions and quoted replies.
 */
export function readSandboxThread(db: Db, runtime: SandboxRuntime, channel: WhatsappChannel, phone: string): PhoneBubble[] {
  const stored = db
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(messages.conversationId, conversations.id))
    .innerJoin(contacts, eq(conversations.contactId, contacts.id))
    .where(and(eq(conversations.inboxId, channel.inboxId), eq(contacts.waId, phone)))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(THREAD_LIMIT)
    .all()
    .map((r) => r.message)
    .reverse();
  const byWaId = new Map(stored.filter((m) => m.waMessageId).map((m) => [m.waMessageId!, m]));
  const sends = new Map(runtime.sends.filter((s) => s.phone === phone).map((s) => [s.waMessageId, s]));
  const faked = new Map(sentTo(runtime, phone).filter((m) => m.phoneNumberId === channel.phoneNumberId).map((m) => [m.waMessageId, m]));
  const bubbles = new Map<string, PhoneBubble>();
  const reactions: { target: string; emoji: string }[] = [];

  for (const m of stored) {
    // Reactions show on the message they react to; notes and events never reach the customer.
    if (!m.waMessageId || m.kind === 'reaction') continue;
    const fromCustomer = m.direction === 'in' && m.authorType === 'contact';
    if (!fromCustomer && m.direction !== 'out') continue;
    const send = sends.get(m.waMessageId);
    const fake = faked.get(m.waMessageId);
    const theirs = JSON.parse(m.reactions || '{}') as Record<string, string>;
    const bubble: PhoneBubble = fromCustomer
      ? // WhatsApp timestamps have whole seconds; the phone's own clock keeps its messages in the order they were sent.
        { ...(send ? customerBubble(send) : storedBubble(m, 'customer')), at: send?.at ?? m.sentAt, ticks: 'delivered', reaction: theirs.business }
      : { ...(fake ? businessBubble(fake) : storedBubble(m, 'business')), at: m.sentAt, ticks: TICKS[m.status] ?? null, reaction: theirs.contact };
    bubbles.set(m.waMessageId, bubble);
  }
  for (const send of sends.values()) {
    if (send.action.kind === 'reaction') reactions.push({ target: send.action.targetWaMessageId, emoji: send.action.emoji });
    else if (!byWaId.has(send.waMessageId)) bubbles.set(send.waMessageId, { ...customerBubble(send), ticks: send.httpStatus === 200 ? 'sent' : 'failed' });
  }
  for (const fake of faked.values()) {
    if (fake.type === 'reaction') reactions.push({ target: str(obj(fake.body.reaction).message_id), emoji: str(obj(fake.body.reaction).emoji) });
    else if (!byWaId.has(fake.waMessageId)) bubbles.set(fake.waMessageId, { ...businessBubble(fake), ticks: 'pending' });
  }
  // What the phones themselves sent is the newest word on reactions, stored by Rasil or not; an empty emoji removes one.
  for (const { target, emoji } of reactions) {
    const bubble = bubbles.get(target);
    if (bubble) bubble.reaction = emoji || undefined;
  }
  const ordered = [...bubbles.values()].sort((a, b) => a.at - b.at);
  markRead(ordered, runtime);
  for (const bubble of ordered) if (bubble.quote !== undefined) bubble.quote = bubbles.get(bubble.quote)?.text ?? '';
  return ordered;
}

/** Rasil marked a customer message read: on WhatsApp that turns its ticks, and those of every earlier one, blue. */
function markRead(ordered: PhoneBubble[], runtime: SandboxRuntime) {
  const read = new Set(runtime.fake.requests.map((r) => obj(r.body)).filter((b) => b.status === 'read').map((b) => str(b.message_id)));
  let last = -1;
  ordered.forEach((b, i) => {
    if (b.from === 'customer' && read.has(b.waMessageId)) last = i;
  });
  for (let i = 0; i <= last; i++) if (ordered[i]!.from === 'customer' && ordered[i]!.ticks !== 'failed') ordered[i]!.ticks = 'read';
}

function customerBubble(send: CustomerSend): PhoneBubble {
  const base = { waMessageId: send.waMessageId, from: 'customer' as const, at: send.at, ticks: null };
  const a = send.action;
  switch (a.kind) {
    case 'text':
      return { ...base, kind: 'text', text: a.text };
    case 'location':
      return { ...base, kind: 'location', text: a.name, location: { latitude: a.latitude, longitude: a.longitude, name: a.name, address: a.address } };
    case 'image':
      return { ...base, kind: 'image', text: a.caption, imageId: a.mediaId };
    case 'button_reply':
    case 'list_reply':
      return { ...base, kind: 'text', text: a.title, quote: a.replyTo };
    case 'quick_reply':
      return { ...base, kind: 'text', text: a.text, quote: a.replyTo };
    case 'reaction':
      return { ...base, kind: 'other', text: a.emoji };
  }
}

function businessBubble(message: FakeSentMessage): PhoneBubble {
  const body = message.body;
  const typed = obj(body[message.type]);
  const quoteId = str(obj(body.context).message_id);
  const base = { waMessageId: message.waMessageId, from: 'business' as const, at: message.at, ticks: null, ...(quoteId ? { quote: quoteId } : {}) };
  switch (message.type) {
    case 'text':
      return { ...base, kind: 'text', text: str(typed.body) };
    case 'image':
      return { ...base, kind: 'image', text: str(typed.caption), imageId: str(typed.id) || undefined };
    case 'interactive': {
      const interactive = obj(body.interactive);
      return {
        ...base,
        kind: 'choice',
        text: str(obj(interactive.body).text),
        header: str(obj(interactive.header).text) || undefined,
        footer: str(obj(interactive.footer).text) || undefined,
        options: optionsOf(body),
        listButton: str(obj(interactive.action).button) || undefined,
      };
    }
    case 'template': {
      const components = Array.isArray(typed.components) ? typed.components : [];
      const values = components.flatMap((c) => (Array.isArray(obj(c).parameters) ? (obj(c).parameters as unknown[]) : [])).map((p) => str(obj(p).text));
      return { ...base, kind: 'template', text: str(typed.name), options: undefined, footer: values.filter(Boolean).join(' · ') || undefined };
    }
    case 'location':
      return { ...base, kind: 'location', text: str(typed.name), location: { latitude: Number(typed.latitude), longitude: Number(typed.longitude), name: str(typed.name), address: str(typed.address) } };
    default:
      return { ...base, kind: 'media', text: str(typed.caption) || str(typed.filename) || message.type };
  }
}

/** After a restart the fake has forgotten its traffic; the stored message is the next best record. */
function storedBubble(m: typeof messages.$inferSelect, from: 'customer' | 'business'): PhoneBubble {
  const kind = m.kind === 'text' ? 'text' : m.kind === 'location' ? 'location' : m.kind === 'image' ? 'media' : 'other';
  return { waMessageId: m.waMessageId!, from, at: m.sentAt, kind, text: m.body || m.kind, ticks: null };
}

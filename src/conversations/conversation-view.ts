import type { MessageKey } from '../i18n/translate';
import { en } from '../i18n/locales/en';
import type { ConversationStatus } from './conversations.tables';
import type { ConversationSummary } from './conversation-views.repository';
import { isReplyWindowOpen, replyWindowClosesAt } from './reply-window';

/** The 24-hour customer-service window as the inbox shows it. */
export interface ReplyWindowView {
  open: boolean;
  closesAt: number | null;
  /** Time left while open; null once closed (or never opened). */
  remainingMs: number | null;
}

/** One row of the conversation list, and the header of an open conversation. */
export interface ConversationRowView {
  id: string;
  status: ConversationStatus;
  displayName: string;
  inboxName: string;
  /** The last message's text, or the translation key of its kind (`[image]` → "Photo"). */
  preview: { text: string } | { kindKey: MessageKey };
  unreadCount: number;
  /** The customer wrote last and is waiting for an answer since then. */
  waitingSince: number | null;
  assigneeName: string | null;
  teamName: string | null;
  lastMessageAt: number;
  window: ReplyWindowView;
}

export interface ContactView {
  id: string;
  displayName: string;
  name: string;
  profileName: string;
  phone: string;
  waId: string;
  userId: string;
  username: string;
}

export function replyWindowView(lastInboundAt: number | null, now: number): ReplyWindowView {
  const closesAt = replyWindowClosesAt(lastInboundAt);
  const open = isReplyWindowOpen({ lastInboundAt, now });
  return { open, closesAt, remainingMs: open && closesAt !== null ? closesAt - now : null };
}

/** The team's name for the contact, else their WhatsApp profile name, else the phone, username or id. */
export function contactDisplayName(c: Pick<ConversationSummary, 'contactName' | 'contactProfileName' | 'contactPhone' | 'contactUsername' | 'contactWaId' | 'contactUserId'>): string {
  return c.contactName.trim() || c.contactProfileName.trim() || c.contactPhone || (c.contactUsername ? `@${c.contactUsername}` : '') || c.contactWaId || c.contactUserId || '—';
}

export function toConversationRow(c: ConversationSummary, now: number): ConversationRowView {
  const kind = /^\[(\w+)\]$/.exec(c.lastMessagePreview)?.[1];
  const kindKey = kind ? (`inbox.kind.${kind}` as MessageKey) : undefined;
  const customerWroteLast = c.lastInboundAt !== null && c.lastInboundAt >= c.lastMessageAt;
  return {
    id: c.id,
    status: c.status,
    displayName: contactDisplayName(c),
    inboxName: c.inboxName,
    preview: kindKey && kindKey in en ? { kindKey } : { text: c.lastMessagePreview },
    unreadCount: c.unreadCount,
    waitingSince: customerWroteLast && c.status !== 'resolved' ? c.lastInboundAt : null,
    assigneeName: c.assigneeName,
    teamName: c.teamName,
    lastMessageAt: c.lastMessageAt,
    window: replyWindowView(c.lastInboundAt, now),
  };
}

export function toContactView(c: ConversationSummary): ContactView {
  return {
    id: c.contactId,
    displayName: contactDisplayName(c),
    name: c.contactName,
    profileName: c.contactProfileName,
    phone: c.contactPhone,
    waId: c.contactWaId ?? '',
    userId: c.contactUserId ?? '',
    username: c.contactUsername,
  };
}

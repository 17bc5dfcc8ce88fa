import type { MessageKey } from '../i18n/translate';
import { en } from '../i18n/locales/en';
import type { MessageStatus } from './conversations.tables';
import type { TimelineMessage } from './message-views.repository';
import { messageContent } from './messages.repository';
import type { AdReferral, CommonContent } from './message-content';
import { deliveryErrorExplanation } from './delivery-error-explanation';
import { linkify, type TextToken } from './linkify';
import { toMessageDetail, httpsUrl, type MessageDetail } from './message-detail';

/**
 * What a timeline bubble shows, as plain data: the view renders it without knowing how content JSON is stored.
 * Every string here is still customer-controlled and must be escaped by the view.
 */
export interface MessageView {
  id: string;
  direction: 'in' | 'out';
  authorType: string;
  authorName: string | null;
  kind: string;
  body: string;
  /** The body split into plain text and safe links, for text bubbles and captions. */
  bodyTokens: TextToken[];
  sentAt: number;
  status: MessageStatus;
  /** Why a send failed: a translated explanation when known, else Meta's title. */
  failure: { title: string; explanation: { key: MessageKey; vars: Record<string, string> } | null } | null;
  /** The outbox gave up or lost track, and no late status webhook can still settle it: offer "resend". */
  canResend: boolean;
  /** WhatsApp knows the message (it has a wamid), so a reply can quote it. */
  canQuote: boolean;
  media: MediaView | null;
  /** The quoted message; `unknown` when it is not (or no longer) in this conversation. */
  quote: { text: string; kind: string; deleted: boolean } | 'unknown' | null;
  reactions: { emoji: string; count: number }[];
  forwarded: 'once' | 'frequently' | null;
  referral: { headline: string; body: string; sourceType: string; sourceUrl: string | null } | null;
  edited: boolean;
  deleted: boolean;
  fromBusinessApp: boolean;
  /** For automatic messages: the rule that sent it, as a message to translate ("Welcome", "Keyword: Prices"). */
  automationRule: { key: MessageKey; vars: Record<string, string> } | null;
  detail: MessageDetail;
}

export interface MediaView {
  url: string;
  mimeType: string;
  fileName: string;
  bytes: number | null;
  state: 'pending' | 'downloaded' | 'failed';
}

export interface MessageViewContext {
  /** Whether the outbox allows a manual resend of this message now. */
  canResend: (messageId: string) => boolean;
  /** The approved template's body with {{n}} filled in, when the template is still known. */
  templateText: (name: string, language: string, variables: string[]) => string | undefined;
}

export function toMessageView(item: TimelineMessage, context: MessageViewContext): MessageView {
  const { message } = item;
  const content = messageContent(message) as CommonContent & Record<string, unknown>;
  const failed = message.status === 'failed';
  return {
    id: message.id,
    direction: message.direction,
    authorType: message.authorType,
    authorName: item.authorName,
    kind: message.kind,
    body: message.body,
    bodyTokens: linkify(message.body),
    sentAt: message.sentAt,
    status: message.status,
    failure: failed ? { title: message.errorTitle ?? '', explanation: explain(content, message.errorCode) } : null,
    canResend: message.direction === 'out' && (failed || message.status === 'unknown') && context.canResend(message.id),
    canQuote: Boolean(message.waMessageId) && message.deletedAt === null,
    media: item.media
      ? { url: `/media/${encodeURIComponent(item.media.id)}`, mimeType: item.media.mimeType, fileName: item.media.fileName, bytes: item.media.bytes, state: item.media.status }
      : null,
    quote: message.replyToWaId
      ? item.quoted
        ? { text: item.quoted.body, kind: item.quoted.kind, deleted: item.quoted.deletedAt !== null }
        : 'unknown'
      : null,
    reactions: toReactionChips(message.reactions),
    forwarded: content.context?.frequentlyForwarded ? 'frequently' : content.context?.forwarded ? 'once' : null,
    referral: toReferral(content.referral),
    edited: message.editedAt !== null,
    deleted: message.deletedAt !== null,
    fromBusinessApp: message.authorType === 'business_app' || content.via === 'business_app',
    automationRule: message.authorType === 'automation' ? automationRuleOf(content.automationRule) : null,
    detail: toMessageDetail(message.kind, message.body, content, context),
  };
}

/** The stored explanation key when there is one, else the sentence for Meta's error code; none without a code. */
function explain(content: Record<string, unknown>, code: number | null): { key: MessageKey; vars: Record<string, string> } | null {
  if (typeof content.explanationKey === 'string' && content.explanationKey in en) return { key: content.explanationKey as MessageKey, vars: {} };
  if (code === null) return null;
  const explained = deliveryErrorExplanation(code);
  return explained.key in en ? explained : null;
}

/** Built-in replies store a catalogue key (translated per viewer); keyword rules store the rule's name as typed. */
function automationRuleOf(rule: unknown): MessageView['automationRule'] {
  if (typeof rule !== 'string' || !rule) return null;
  return rule in en ? { key: rule as MessageKey, vars: {} } : { key: 'automation.rule.keyword', vars: { name: rule } };
}

/** `{ "<who>": "<emoji>" }` → one chip per emoji with how many people chose it. */
function toReactionChips(json: string): MessageView['reactions'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const counts = new Map<string, number>();
  for (const emoji of Object.values(parsed as Record<string, unknown>)) {
    if (typeof emoji === 'string' && emoji) counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  }
  return [...counts].map(([emoji, count]) => ({ emoji, count }));
}

function toReferral(referral: AdReferral | undefined): MessageView['referral'] {
  if (!referral || typeof referral !== 'object') return null;
  return {
    headline: String(referral.headline ?? ''),
    body: String(referral.body ?? ''),
    sourceType: String(referral.sourceType ?? ''),
    sourceUrl: httpsUrl(referral.sourceUrl),
  };
}

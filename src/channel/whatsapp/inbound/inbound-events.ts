import type { ContactIdentity } from '../../../contacts/upsert-contact';
import type { InboundMedia } from '../../../conversations/receive-inbound-message';
import type { MetaErrorInfo } from '../../../conversations/message-content';

/** What one webhook body means, item by item, before anything touches the database. */
export type InboundEvent =
  | MessageEvent
  | StatusEvent
  | ReactionEvent
  | EditEvent
  | RevokeEvent
  | NumberChangedEvent
  | IdentityChangedEvent
  | HistoryDeclinedEvent
  | ContactSyncEvent
  | PartnerRemovedEvent
  | SystemErrorEvent;

interface Base {
  /** Which of our numbers it concerns (`metadata.phone_number_id`); empty when Meta did not say. */
  phoneNumberId: string;
}

export interface MessageEvent extends Base {
  type: 'message';
  contact: ContactIdentity;
  waMessageId: string;
  kind: string;
  body: string;
  content: Record<string, unknown>;
  replyToWaId: string | null;
  sentAt: number;
  authorType: 'contact' | 'business_app';
  media?: InboundMedia;
  imported: boolean;
  /** History only: the last delivery state WhatsApp reported for a business-sent message. */
  historyStatus?: 'sent' | 'delivered' | 'read' | 'played';
}

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface StatusEvent extends Base {
  type: 'status';
  waMessageId: string;
  status: DeliveryStatus;
  at: number;
  recipient: { waId: string | null; userId: string | null };
  /** Our outbox id, echoed back by Meta: reconciles sends whose response we never saw. */
  callbackData: string | null;
  errors: MetaErrorInfo[];
}

export interface ReactionEvent extends Base {
  type: 'reaction';
  contact: ContactIdentity;
  waMessageId: string;
  targetWaId: string;
  /** Empty means the reaction was removed. */
  emoji: string;
  at: number;
  authorType: 'contact' | 'business_app';
}

export interface EditEvent extends Base {
  type: 'edit';
  contact: ContactIdentity;
  waMessageId: string;
  targetWaId: string;
  body: string;
  content: Record<string, unknown>;
  at: number;
  authorType: 'contact' | 'business_app';
}

export interface RevokeEvent extends Base {
  type: 'revoke';
  contact: ContactIdentity;
  waMessageId: string;
  targetWaId: string;
  at: number;
  authorType: 'contact' | 'business_app';
}

export interface NumberChangedEvent extends Base {
  type: 'number-changed';
  contact: ContactIdentity;
  waMessageId: string;
  newWaId: string;
  body: string;
  at: number;
}

export interface IdentityChangedEvent extends Base {
  type: 'identity-changed';
  contact: ContactIdentity;
  waMessageId: string;
  body: string;
  at: number;
}

export interface HistoryDeclinedEvent extends Base {
  type: 'history-declined';
  error: MetaErrorInfo;
}

export interface ContactSyncEvent extends Base {
  type: 'contact-sync';
  action: string;
  waId: string;
  name: string;
  at: number | null;
}

export interface PartnerRemovedEvent extends Base {
  type: 'partner-removed';
  phoneNumber: string;
  reason: string;
  initiatedBy: string;
}

/** `value.errors[]`: problems Meta reports about the number or app, not tied to one message. */
export interface SystemErrorEvent extends Base {
  type: 'system-error';
  error: MetaErrorInfo;
}

export interface InboundEvents {
  events: InboundEvent[];
  /** Things read but deliberately not acted on (groups, user preferences, unknown fields…), for the summary. */
  ignored: string[];
  /** Items that could not be read at all (e.g. a message without an id). */
  problems: string[];
}

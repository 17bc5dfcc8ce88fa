/**
 * What `messages.content` holds for each kind, so the timeline can render it. Every field is optional on read:
 * old rows and odd payloads may lack any of them. Customer-supplied strings are hostile: escape when rendering.
 */
export interface MessageContext {
  /** Replying to this WhatsApp message (also in `reply_to_wa_id`). */
  id?: string;
  from?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
  referredProduct?: { catalogId?: string; productRetailerId?: string };
}

export interface AdReferral {
  headline?: string;
  body?: string;
  sourceType?: string;
  sourceUrl?: string;
  sourceId?: string;
  mediaType?: string;
  imageUrl?: string;
  videoUrl?: string;
  thumbnailUrl?: string;
  ctwaClid?: string;
  welcomeMessage?: string;
}

export interface MetaErrorInfo {
  code?: number;
  title?: string;
  detail?: string;
}

export interface ContactCard {
  name: string;
  firstName?: string;
  lastName?: string;
  phones: { phone: string; waId?: string; type?: string }[];
  emails: { email: string; type?: string }[];
  urls: { url: string; type?: string }[];
  org?: { company?: string; department?: string; title?: string };
  birthday?: string;
}

export interface OrderItem {
  productRetailerId: string;
  quantity: number;
  itemPrice: number;
  currency: string;
}

/** Fields any kind may carry besides its own. */
export interface CommonContent {
  context?: MessageContext;
  referral?: AdReferral;
  /** `business_app` = typed by the owner in the WhatsApp Business app (coexistence echo or history). */
  via?: 'business_app';
  /** Imported by the coexistence history sync; `status` is the last state WhatsApp reported. */
  history?: { status?: string };
  /** Errors Meta attached to the message itself (e.g. a media download that failed on their side). */
  errors?: MetaErrorInfo[];
}

export type MediaContent = CommonContent & { mimeType?: string; fileName?: string; animated?: boolean; voice?: boolean };
export type LocationContent = CommonContent & { latitude?: number; longitude?: number; name?: string; address?: string; url?: string };
export type ContactsContent = CommonContent & { contacts: ContactCard[] };
export type InteractiveContent = CommonContent & {
  interactiveType: string;
  /** button_reply / list_reply: the option the customer chose. */
  reply?: { id: string; title: string; description?: string };
  /** nfm_reply: a WhatsApp Flow's answers (parsed JSON when it parses, else the raw text). */
  flow?: { name?: string; body?: string; response: unknown };
};
export type ButtonContent = CommonContent & { payload?: string; text?: string };
export type OrderContent = CommonContent & { catalogId?: string; text?: string; items: OrderItem[]; total: { amount: number; currency: string } | null };
/** `unsupported` (and unknown types): what Meta said, plus the raw item for inspection. */
export type UnsupportedContent = CommonContent & { type: string; subtype?: string; raw: unknown };
/** `event` rows in the timeline (kind `event`, author `system`). */
export type EventContent = { event: 'number_changed'; oldWaId?: string; newWaId: string } | { event: 'identity_changed' } | { event: string };

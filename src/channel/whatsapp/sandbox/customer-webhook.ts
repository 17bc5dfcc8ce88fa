import { randomBytes } from 'node:crypto';

/** What the sandbox customer does; each becomes one Meta-shaped inbound message. */
export type CustomerAction =
  | { kind: 'text'; text: string; replyTo?: string }
  | { kind: 'location'; latitude: number; longitude: number; name: string; address: string }
  | { kind: 'image'; mediaId: string; sha256Base64: string; caption: string }
  | { kind: 'reaction'; targetWaMessageId: string; emoji: string }
  | { kind: 'button_reply'; replyTo: string; id: string; title: string }
  | { kind: 'list_reply'; replyTo: string; id: string; title: string; description: string }
  | { kind: 'quick_reply'; replyTo: string; payload: string; text: string };

export interface SandboxCustomer {
  /** Digits only, as Meta's wa_id. */
  phone: string;
  name: string;
}

export interface SandboxNumber {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
}

/** A wamid the way Meta's look (an opaque base64 string after `wamid.`), marked as the sandbox's own. */
export const newSandboxWamid = () => `wamid.SBX${randomBytes(18).toString('base64url')}`;

/**
 * The webhook Meta would send when this customer does `action`: the `messages` field envelope with metadata,
 * contacts and one message, timestamp in unix seconds as a string.
 */
export function customerWebhookBody({ number, customer, action, waMessageId, now }: { number: SandboxNumber; customer: SandboxCustomer; action: CustomerAction; waMessageId: string; now: number }): string {
  const businessDigits = number.displayPhoneNumber.replace(/\D/g, '');
  const message: Record<string, unknown> = { from: customer.phone, id: waMessageId, timestamp: String(Math.floor(now / 1000)), ...messageFields(action) };
  const replyTo = 'replyTo' in action ? action.replyTo : undefined;
  if (replyTo) message.context = { from: businessDigits, id: replyTo };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: businessDigits, phone_number_id: number.phoneNumberId },
              contacts: [{ profile: { name: customer.name }, wa_id: customer.phone }],
              messages: [message],
            },
          },
        ],
      },
    ],
  });
}

function messageFields(action: CustomerAction): Record<string, unknown> {
  switch (action.kind) {
    case 'text':
      return { type: 'text', text: { body: action.text } };
    case 'location':
      return { type: 'location', location: { latitude: action.latitude, longitude: action.longitude, name: action.name, address: action.address } };
    case 'image':
      return { type: 'image', image: { ...(action.caption ? { caption: action.caption } : {}), mime_type: 'image/png', sha256: action.sha256Base64, id: action.mediaId } };
    case 'reaction':
      return { type: 'reaction', reaction: { message_id: action.targetWaMessageId, emoji: action.emoji } };
    case 'button_reply':
      return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: action.id, title: action.title } } };
    case 'list_reply':
      return { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: action.id, title: action.title, description: action.description } } };
    case 'quick_reply':
      return { type: 'button', button: { payload: action.payload, text: action.text } };
  }
}

import type { AppDeps } from '../../../deps';
import { createErrorFactory } from '../../../platform/errors';
import { customerActionSchema, customerSchema, type SandboxCustomerInput } from './sandbox.schemas';
import { customerWebhookBody, newSandboxWamid, type CustomerAction } from './customer-webhook';
import { optionOf } from './business-messages';
import { readSandboxThread } from './sandbox-thread';
import { sandboxPng } from './sandbox-image';
import type { SandboxRuntime } from './sandbox-runtime';

export const createSandboxMissingError = createErrorFactory({ code: 'sandbox.missing', status: 409, messageKey: 'sandbox.error.missing' });
export const createNothingToReactToError = createErrorFactory({ code: 'sandbox.nothing_to_react_to', status: 422, messageKey: 'sandbox.error.nothingToReactTo' });
export const createUnknownOptionError = createErrorFactory({ code: 'sandbox.unknown_option', status: 422, messageKey: 'sandbox.error.unknownOption' });
export const createWebhookRefusedError = createErrorFactory({ code: 'sandbox.webhook_refused', status: 502, messageKey: 'sandbox.error.webhookRefused' });

/** Places the sandbox customer "is" when they share a location. */
const PLACES = [
  { latitude: 24.7113, longitude: 46.6744, name: 'Kingdom Centre', address: 'King Fahd Rd, Riyadh' },
  { latitude: 21.4225, longitude: 39.8262, name: 'Al Balad', address: 'Old Town, Jeddah' },
  { latitude: 25.1972, longitude: 55.2744, name: 'Dubai Mall', address: 'Financial Centre Rd, Dubai' },
];

/**
 * The sandbox customer does something on their phone: Rasil receives it exactly as from Meta, as a signed
 * `messages` webhook on its own webhook endpoint. Pictures are put in the fake Graph first, so the media download
 * works like a real one.
 */
export async function sendAsCustomer(
  /** `action` is validated here: the form's fields (action, text, emoji, replyTo, optionId) as they came. */
  input: { customer: SandboxCustomerInput; action: unknown },
  runtime: SandboxRuntime,
  deps: Pick<AppDeps, 'clock' | 'db'>,
): Promise<{ waMessageId: string }> {
  const customer = customerSchema.parse(input.customer);
  const wanted = customerActionSchema.parse(input.action);
  const channel = runtime.channel();
  if (!channel) throw createSandboxMissingError();
  const now = deps.clock.now();

  let action: CustomerAction;
  switch (wanted.action) {
    case 'text':
      action = { kind: 'text', text: wanted.text };
      break;
    case 'location':
      action = { kind: 'location', ...PLACES[Math.floor(now / 1000) % PLACES.length]! };
      break;
    case 'image': {
      const upload = await uploadPicture(runtime, channel, now);
      action = { kind: 'image', mediaId: upload.id, sha256Base64: upload.sha256Base64, caption: wanted.text };
      break;
    }
    case 'reaction': {
      const target = readSandboxThread(deps.db, runtime, channel, customer.phone).findLast((b) => b.from === 'business');
      if (!target) throw createNothingToReactToError();
      action = { kind: 'reaction', targetWaMessageId: target.waMessageId, emoji: wanted.emoji };
      break;
    }
    case 'option': {
      const option = optionOf(runtime, customer.phone, wanted.replyTo, wanted.optionId);
      if (!option) throw createUnknownOptionError();
      action =
        option.type === 'list'
          ? { kind: 'list_reply', replyTo: wanted.replyTo, id: option.id, title: option.title, description: option.description ?? '' }
          : { kind: 'button_reply', replyTo: wanted.replyTo, id: option.id, title: option.title };
      break;
    }
  }

  const waMessageId = newSandboxWamid();
  const body = customerWebhookBody({ number: channel, customer, action, waMessageId, now });
  const httpStatus = await runtime.postWebhook(body, channel.appSecret);
  runtime.sends.push({ waMessageId, phone: customer.phone, action, at: now, httpStatus });
  if (runtime.sends.length > 1000) runtime.sends.splice(0, 500);
  if (httpStatus !== 200) throw createWebhookRefusedError({ status: httpStatus });
  return { waMessageId };
}

/** Uploads a freshly drawn PNG through the fake's own media endpoint, as a phone's upload would reach Meta. */
async function uploadPicture(runtime: SandboxRuntime, channel: { phoneNumberId: string; accessToken: string }, seed: number) {
  const bytes = sandboxPng(seed);
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', 'image/png');
  form.append('file', new File([bytes], 'photo.png', { type: 'image/png' }));
  const response = await runtime.fake.fetch(
    new Request(`http://localhost/v24.0/${channel.phoneNumberId}/media`, { method: 'POST', headers: { authorization: `Bearer ${channel.accessToken}` }, body: form }),
  );
  const { id } = (await response.json()) as { id: string };
  // Inbound webhooks carry the file's SHA-256 in base64 (Graph's media endpoint answers hex).
  const sha256Base64 = new Bun.CryptoHasher('sha256').update(bytes).digest('base64');
  return { id, sha256Base64 };
}

import type { AppDeps } from '../../src/deps';
import { createInbox } from '../../src/conversations/create-inbox';
import { insertChannel } from '../../src/channel/whatsapp/channels/whatsapp-channels.repository';
import { signatureHeader } from '../../src/channel/whatsapp/webhook-signature';
import { processWebhookJournal } from '../../src/channel/whatsapp/inbound/process-webhook-journal';

/** Hand-written builders for Meta webhook payloads (shapes from the handbook), plus a signer. */

export const TEST_APP_SECRET = 'test-app-secret-0123456789';
export const TEST_VERIFY_TOKEN = 'verify-token-abcdef';
export const TEST_PHONE_NUMBER_ID = '100200300400';
export const TEST_DISPLAY_NUMBER = '15550001111';
export const CUSTOMER_WA_ID = '15557654321';

type Json = Record<string, unknown>;

/** Adds a channel (and its inbox) straight into the database, accepting any phone_number_id the corpus uses. */
export function addTestChannel(deps: AppDeps, overrides: { phoneNumberId?: string; appSecret?: string; verifyToken?: string; graphApiUrl?: string; accessToken?: string } = {}) {
  const { inboxId } = createInbox({ name: `Inbox ${overrides.phoneNumberId ?? TEST_PHONE_NUMBER_ID}` }, deps);
  const id = deps.newId('wac');
  const now = deps.clock.now();
  insertChannel(deps.db, {
    id,
    inboxId,
    name: 'Test number',
    phoneNumberId: overrides.phoneNumberId ?? TEST_PHONE_NUMBER_ID,
    wabaId: '999888777',
    displayPhoneNumber: TEST_DISPLAY_NUMBER,
    accessToken: overrides.accessToken ?? 'test-access-token',
    appSecret: overrides.appSecret ?? TEST_APP_SECRET,
    verifyToken: overrides.verifyToken ?? TEST_VERIFY_TOKEN,
    graphApiUrl: overrides.graphApiUrl ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return { channelId: id, inboxId };
}

export function envelope(field: string, value: Json, { phoneNumberId = TEST_PHONE_NUMBER_ID } = {}): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '999888777',
        changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: TEST_DISPLAY_NUMBER, phone_number_id: phoneNumberId }, ...value } }],
      },
    ],
  };
}

let counter = 0;
export const wamid = (label = 'm') => `wamid.TEST.${label}.${++counter}`;

export interface MessageOptions {
  id?: string;
  from?: string;
  timestamp?: string | number;
  context?: Json;
  referral?: Json;
}

/** One inbound message of any type: `type` plus its type object. */
export function inboundMessage(type: string, part: unknown, options: MessageOptions = {}): Json {
  return {
    from: options.from ?? CUSTOMER_WA_ID,
    id: options.id ?? wamid(type),
    timestamp: String(options.timestamp ?? 1750000000),
    type,
    ...(part === undefined ? {} : { [type]: part }),
    ...(options.context ? { context: options.context } : {}),
    ...(options.referral ? { referral: options.referral } : {}),
  };
}

export function contactEntry(waId = CUSTOMER_WA_ID, name = 'Test Customer', extra: Json = {}): Json {
  return { profile: { name }, wa_id: waId, ...extra };
}

/** A `messages` webhook carrying the given messages from the default customer. */
export function messagesPayload(messages: Json[], { contacts = [contactEntry()], phoneNumberId }: { contacts?: Json[]; phoneNumberId?: string } = {}): Json {
  return envelope('messages', { contacts, messages }, { phoneNumberId });
}

export const textPayload = (body: string, options: MessageOptions & { name?: string } = {}) =>
  messagesPayload([inboundMessage('text', { body }, options)], { contacts: [contactEntry(options.from ?? CUSTOMER_WA_ID, options.name ?? 'Test Customer')] });

export function statusPayload(id: string, status: string, extra: Json = {}): Json {
  return envelope('messages', { statuses: [{ id, status, timestamp: '1750000100', recipient_id: CUSTOMER_WA_ID, ...extra }] });
}

export const failedStatus = (id: string, code: number, title: string, details: string) =>
  statusPayload(id, 'failed', { errors: [{ code, title, message: title, error_data: { details } }] });

export function echoPayload(messages: Json[]): Json {
  return envelope('smb_message_echoes', { message_echoes: messages.map((m) => ({ ...m, from: TEST_DISPLAY_NUMBER, to: CUSTOMER_WA_ID })) });
}

export function historyChunk(chunkOrder: number, threads: { id: string; messages: Json[] }[], progress = 50): Json {
  return envelope('history', { history: [{ metadata: { phase: 0, chunk_order: chunkOrder, progress }, threads }] });
}

export function sign(body: string, secret = TEST_APP_SECRET) {
  return signatureHeader(secret, body);
}

/** POSTs a body to the webhook the way Meta does, signed unless told otherwise. */
export function postWebhook(app: { handle(r: Request): Promise<Response> }, payload: Json | string, options: { secret?: string; signature?: string | null } = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? sign(body, options.secret) : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return app.handle(new Request('http://localhost/webhooks/whatsapp', { method: 'POST', body, headers }));
}

/** Posts, expects 200, then runs the journal processor to the end. */
export async function deliver(app: { handle(r: Request): Promise<Response> }, deps: AppDeps, payload: Json | string) {
  const response = await postWebhook(app, payload);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return processWebhookJournal(deps);
}

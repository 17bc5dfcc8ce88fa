/** Signed status webhooks the fake posts back, shaped like Meta's (see conformance/webhooks/status-*.json). */
export type FakeStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusEvent {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  waMessageId: string;
  recipientId: string;
  status: FakeStatus;
  /** Epoch ms; Meta sends unix seconds as a string. */
  at: number;
  callbackData?: string;
  error?: { code: number; title: string; details: string };
}

export function buildStatusWebhook(e: StatusEvent) {
  const status: Record<string, unknown> = { id: e.waMessageId, status: e.status, timestamp: String(Math.floor(e.at / 1000)), recipient_id: e.recipientId };
  if (e.callbackData !== undefined) status.biz_opaque_callback_data = e.callbackData;
  if (e.status === 'sent' || e.status === 'delivered') status.pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  if (e.error) {
    status.errors = [
      { code: e.error.code, title: e.error.title, message: e.error.title, error_data: { details: e.error.details }, href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' },
    ];
  }
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: e.wabaId,
        changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: e.displayPhoneNumber, phone_number_id: e.phoneNumberId }, statuses: [status] }, field: 'messages' }],
      },
    ],
  };
}

/** `X-Hub-Signature-256` value: HMAC-SHA256 of the exact body bytes, keyed with the app secret. */
export function signWebhookBody(body: string, appSecret: string): string {
  return `sha256=${new Bun.CryptoHasher('sha256', appSecret).update(body).digest('hex')}`;
}

export async function postSignedWebhook(
  { url, appSecret, payload, fetchImpl = fetch }: { url: string; appSecret: string; payload: unknown; fetchImpl?: (input: string, init: RequestInit) => Promise<Response> },
): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, appSecret) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  return response.status;
}

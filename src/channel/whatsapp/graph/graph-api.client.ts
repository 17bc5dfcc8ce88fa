import { GraphApiError, networkError, parseRetryAfter } from './graph-errors';
import { buildMarkReadBody, buildTypingIndicatorBody, type GraphBody } from './graph-api.payloads';

export interface GraphClientOptions {
  /** Graph base including the version, e.g. https://graph.facebook.com/v24.0 (or the fake's URL). */
  baseUrl: string;
  accessToken: string;
  /** Per-request timeout; a send that times out may still have reached Meta. */
  timeoutMs?: number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
}

export interface SendResult {
  waMessageId: string;
  /** The customer's wa_id as Meta resolved it (may differ from what we sent, e.g. Brazilian numbers). */
  waId: string | null;
  messageStatus: string | null;
}

export interface GraphMedia {
  id: string;
  url: string;
  mimeType: string;
  sha256: string;
  fileSize: number;
}

export interface GraphTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: unknown[];
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/** A thin client over the Cloud API endpoints Rasil uses. Every failure is a GraphApiError (see graph-errors.ts). */
export function createGraphClient(options: GraphClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const auth = { authorization: `Bearer ${options.accessToken}` };

  async function call(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw networkError(error);
    }
    if (response.ok) return response;
    throw await errorFrom(response, options.now?.() ?? 0);
  }

  const json = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const response = await call(url, init);
    try {
      return (await response.json()) as T;
    } catch (error) {
      // Meta answered 200 but the body was cut off: the message may well have been accepted.
      throw new GraphApiError('Graph answered with an unreadable body', { httpStatus: response.status, code: null, network: 'bad-body', maybeSent: true });
    }
  };

  const postJson = <T>(path: string, body: GraphBody) => json<T>(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  return {
    async sendMessage(phoneNumberId: string, body: GraphBody): Promise<SendResult> {
      const result = await postJson<{ contacts?: { wa_id?: string }[]; messages?: { id?: string; message_status?: string }[] }>(`${encodeURIComponent(phoneNumberId)}/messages`, body);
      const waMessageId = result.messages?.[0]?.id;
      if (!waMessageId) throw new GraphApiError('Graph accepted the message without returning its id', { httpStatus: 200, code: null, network: 'bad-body', maybeSent: true });
      return { waMessageId, waId: result.contacts?.[0]?.wa_id ?? null, messageStatus: result.messages?.[0]?.message_status ?? null };
    },

    /** Multipart upload to /{phone-number-id}/media; the id is valid for 30 days. */
    async uploadMedia(phoneNumberId: string, file: { bytes: Blob; mimeType: string; fileName: string }): Promise<{ id: string }> {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', file.mimeType);
      form.append('file', new File([file.bytes], file.fileName || 'file', { type: file.mimeType }));
      const result = await json<{ id?: string }>(`${base}/${encodeURIComponent(phoneNumberId)}/media`, { method: 'POST', body: form });
      if (!result.id) throw new GraphApiError('Graph accepted the upload without returning an id', { httpStatus: 200, code: null });
      return { id: result.id };
    },

    async getMedia(mediaId: string, { phoneNumberId }: { phoneNumberId?: string } = {}): Promise<GraphMedia> {
      const query = phoneNumberId ? `?phone_number_id=${encodeURIComponent(phoneNumberId)}` : '';
      const r = await json<{ id: string; url: string; mime_type: string; sha256: string; file_size: number | string }>(`${base}/${encodeURIComponent(mediaId)}${query}`);
      return { id: r.id, url: r.url, mimeType: r.mime_type, sha256: r.sha256, fileSize: Number(r.file_size) };
    },

    /** The short-lived media URL needs the same bearer token; without it Meta refuses. */
    async downloadMedia(url: string): Promise<{ bytes: Uint8Array; contentType: string }> {
      const response = await call(url, {});
      return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
    },

    async markRead(phoneNumberId: string, waMessageId: string): Promise<void> {
      await postJson(`${encodeURIComponent(phoneNumberId)}/messages`, buildMarkReadBody(waMessageId));
    },

    async sendTypingIndicator(phoneNumberId: string, waMessageId: string): Promise<void> {
      await postJson(`${encodeURIComponent(phoneNumberId)}/messages`, buildTypingIndicatorBody(waMessageId));
    },

    /** The number as Meta knows it; the cheapest call that proves a token works. */
    async getPhoneNumber(phoneNumberId: string): Promise<{ id: string; displayPhoneNumber: string; verifiedName: string; qualityRating: string | null }> {
      const r = await json<Record<string, unknown>>(`${base}/${encodeURIComponent(phoneNumberId)}?fields=id,display_phone_number,verified_name,quality_rating`);
      return { id: String(r.id ?? phoneNumberId), displayPhoneNumber: String(r.display_phone_number ?? ''), verifiedName: String(r.verified_name ?? ''), qualityRating: r.quality_rating ? String(r.quality_rating) : null };
    },

    /** Every template of the WABA, following Graph's paging until the last page (bounded, in case of a loop). */
    async listMessageTemplates(wabaId: string, { pageSize = 100, maxPages = 50 } = {}): Promise<GraphTemplate[]> {
      const templates: GraphTemplate[] = [];
      let url: string | null = `${base}/${encodeURIComponent(wabaId)}/message_templates?fields=id,name,language,status,category,components&limit=${pageSize}`;
      for (let page = 0; url && page < maxPages; page++) {
        const r: { data?: Record<string, unknown>[]; paging?: { next?: string; cursors?: { after?: string } } } = await json(url);
        for (const t of r.data ?? []) {
          templates.push({
            id: String(t.id ?? ''),
            name: String(t.name ?? ''),
            language: String(t.language ?? ''),
            status: String(t.status ?? ''),
            category: String(t.category ?? ''),
            components: Array.isArray(t.components) ? t.components : [],
          });
        }
        url = r.paging?.next ?? null;
      }
      return templates;
    },
  };
}

async function errorFrom(response: Response, now: number): Promise<GraphApiError> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const text = await response.text().catch(() => '');
  let error: Record<string, unknown> = {};
  try {
    error = ((JSON.parse(text) as { error?: Record<string, unknown> }).error ?? {}) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: only the HTTP status tells us anything.
  }
  const data = (error.error_data ?? {}) as Record<string, unknown>;
  return new GraphApiError(String(error.message ?? `Graph answered HTTP ${response.status}`), {
    httpStatus: response.status,
    code: typeof error.code === 'number' ? error.code : null,
    subcode: typeof error.error_subcode === 'number' ? error.error_subcode : null,
    type: typeof error.type === 'string' ? error.type : undefined,
    details: typeof data.details === 'string' ? data.details : undefined,
    fbtraceId: typeof error.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
    retryAfterMs,
  });
}

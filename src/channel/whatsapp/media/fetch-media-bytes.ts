import { isTrustedMediaUrl } from './media-hosts';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Why a download stopped; `permanent` ones are not retried. */
export class MediaDownloadError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'MediaDownloadError';
  }
}

export interface GraphMediaInfo {
  url: string;
  mimeType: string;
  sha256: string;
  fileSize: number | null;
}

const TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 3;

/** `GET {graph}/{media-id}` with the channel token: where the bytes are, their type, hash and size. */
export async function fetchMediaInfo(graphBaseUrl: string, waMediaId: string, token: string, doFetch: Fetch): Promise<GraphMediaInfo> {
  const response = await guarded(() => doFetch(`${graphBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(waMediaId)}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) }));
  if (!response.ok) throw new MediaDownloadError(`Graph answered ${response.status} for media ${waMediaId}`, false, response.status);
  const body = (await response.json().catch(() => null)) as { url?: unknown; mime_type?: unknown; sha256?: unknown; file_size?: unknown } | null;
  if (!body || typeof body.url !== 'string') throw new MediaDownloadError('Graph gave no media URL', false);
  const size = Number(body.file_size);
  return { url: body.url, mimeType: String(body.mime_type ?? ''), sha256: String(body.sha256 ?? ''), fileSize: Number.isFinite(size) ? size : null };
}

/**
 * Downloads the bytes with the same bearer token, only from trusted hosts (redirects followed by hand and checked
 * the same way), stopping as soon as the size limit is passed.
 */
export async function fetchMediaBytes(url: string, opts: { graphBaseUrl: string; token: string; maxBytes: number; fetch: Fetch }): Promise<{ bytes: Uint8Array; contentType: string }> {
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isTrustedMediaUrl(target, opts.graphBaseUrl)) throw new MediaDownloadError(`refused to fetch media from an untrusted host (${hostOf(target)})`, true);
    const response = await guarded(() => opts.fetch(target, { headers: { authorization: `Bearer ${opts.token}` }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) }));
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new MediaDownloadError(`redirect without a location (${response.status})`, false, response.status);
      target = new URL(location, target).toString();
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new MediaDownloadError(`media download answered ${response.status}`, false, response.status);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(opts.maxBytes);
    }
    return { bytes: await readCapped(response, opts.maxBytes), contentType: response.headers.get('content-type') ?? '' };
  }
  throw new MediaDownloadError('too many redirects', false);
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const tooLarge = (max: number) => new MediaDownloadError(`file is larger than the ${Math.round(max / 1024)} KB allowed for this kind`, true);

async function guarded(call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (error) {
    throw new MediaDownloadError(`network error: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}

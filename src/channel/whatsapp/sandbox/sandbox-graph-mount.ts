import { constantTimeEquals } from '../../../platform/http/csrf';
import type { SandboxRuntime } from './sandbox-runtime';

export const SANDBOX_GRAPH_PREFIX = '/sandbox/graph';
/** Old requests are dropped from the fake's in-memory logs beyond this, so a long-running server stays small. */
const KEEP_RECORDS = 2000;

/**
 * Serves `/sandbox/graph/<version>/…` from the in-process fake Graph. Only the sandbox channel's own access token
 * gets in; everything else gets Meta's 190 answer. Media URLs the fake hands out are rewritten to stay under the
 * mount, so Rasil's media downloader can follow them.
 */
export async function handleSandboxGraph(runtime: SandboxRuntime, request: Request): Promise<Response> {
  const channel = runtime.channel();
  const token = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
  if (!channel || !constantTimeEquals(token, channel.accessToken)) {
    return Response.json(
      { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: 'sandbox' } },
      { status: 401, headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"' } },
    );
  }
  const url = new URL(request.url);
  const inner = new URL(url.pathname.slice(SANDBOX_GRAPH_PREFIX.length) || '/', url.origin);
  inner.search = url.search;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const response = await runtime.fake.fetch(new Request(inner, { method: request.method, headers: request.headers, body }));
  trim(runtime);
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const text = await response.text();
  const rewritten = text.replaceAll(`"${url.origin}/_media/`, `"${url.origin}${SANDBOX_GRAPH_PREFIX}/_media/`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(rewritten, { status: response.status, headers });
}

function trim({ fake }: SandboxRuntime) {
  if (fake.requests.length > KEEP_RECORDS) fake.requests.splice(0, fake.requests.length - KEEP_RECORDS / 2);
  if (fake.sent.length > KEEP_RECORDS) fake.sent.splice(0, fake.sent.length - KEEP_RECORDS / 2);
}

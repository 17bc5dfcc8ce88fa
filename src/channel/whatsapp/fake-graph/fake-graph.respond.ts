import { graphErrorBody } from './fake-graph.errors';
import type { FakeFault } from './fake-graph.types';

/** Response helpers shared by the fake's endpoints. */
export function createResponder(randomId: (prefix: string) => string) {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { 'facebook-api-version': 'v24.0', ...headers } });

  const graphError = (code: number, extra: { details?: string; subcode?: number; httpStatus?: number; retryAfterSeconds?: number } = {}) => {
    const { httpStatus, body } = graphErrorBody(code, { details: extra.details, subcode: extra.subcode, fbtraceId: randomId('A') });
    const headers: Record<string, string> = extra.retryAfterSeconds !== undefined ? { 'retry-after': String(extra.retryAfterSeconds) } : {};
    if (httpStatus === 401) headers['www-authenticate'] = 'OAuth "Facebook Platform" "invalid_token" "Error validating access token"';
    return json(extra.httpStatus ?? httpStatus, body, headers);
  };

  /** Answers with a scripted fault, or runs `proceed` (possibly late) for the ones that still handle the request. */
  async function applyFault(fault: FakeFault, signal: AbortSignal, proceed: () => Promise<Response>): Promise<Response> {
    switch (fault.kind) {
      case 'error':
        return graphError(fault.code, { details: fault.details, httpStatus: fault.httpStatus, retryAfterSeconds: fault.retryAfterSeconds });
      case 'http':
        return new Response(fault.body ?? `<html><body>HTTP ${fault.status}</body></html>`, {
          status: fault.status,
          headers: { 'content-type': 'text/html', ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}) },
        });
      case 'slow':
        await Bun.sleep(fault.delayMs);
        return signal.aborted ? new Response(null, { status: 499 }) : proceed();
      case 'acceptThenDelay': {
        const response = await proceed();
        await Bun.sleep(fault.delayMs);
        return response;
      }
      case 'acceptThenFail':
        return proceed();
    }
  }

  return { json, graphError, applyFault };
}

export type Responder = ReturnType<typeof createResponder>;

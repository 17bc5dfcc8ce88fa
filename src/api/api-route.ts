import { ZodError } from 'zod';
import type { AppDeps } from '../deps';
import { authenticateApiToken } from '../accounts/api-tokens';
import { isAppError } from '../platform/errors';
import { createTranslator, type MessageKey } from '../i18n/translate';
import { apiError } from './api-responses';

/** The token row a request authenticated with. */
export type ApiToken = NonNullable<ReturnType<typeof authenticateApiToken>>;

export interface ApiRequest {
  request: Request;
  params: Record<string, string>;
  query: Record<string, unknown>;
  token: ApiToken;
}

const english = createTranslator('en');

/**
 * Wraps an API handler: refuses requests without a live bearer token (401), and turns every failure into the JSON
 * error shape — zod problems become 422 with the fields at fault, AppErrors keep their status and code, anything
 * else is logged and answered 500. The app's HTML error pages never reach an API client.
 */
export function apiRoute(deps: AppDeps, handler: (input: ApiRequest) => Response | Promise<Response>) {
  return async ({ request, params, query }: { request: Request; params: Record<string, string>; query: Record<string, unknown> }): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const token = authenticateApiToken(deps.db, bearer, deps.clock.now());
    if (!token) return apiError(401, 'unauthorized', 'Send a valid API token as "Authorization: Bearer <token>". Create one with `rasil token create`.');
    try {
      return await handler({ request, params, query, token });
    } catch (error) {
      if (error instanceof ZodError) {
        const details = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
        return apiError(422, 'invalid_request', 'The request is not valid; see details.', details);
      }
      if (isAppError(error)) return apiError(error.status, error.code, english(error.messageKey as MessageKey, error.vars));
      deps.logger.error('api request failed', { path: new URL(request.url).pathname, error });
      return apiError(500, 'internal_error', 'Rasil could not finish this request.');
    }
  };
}

/** Reads a JSON request body; anything that is not a JSON object is a 422, never a crash. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ZodError([{ code: 'custom', path: [], message: 'The body must be a JSON object.', input: text }]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ZodError([{ code: 'custom', path: [], message: 'The body must be a JSON object.', input: parsed }]);
  return parsed as Record<string, unknown>;
}

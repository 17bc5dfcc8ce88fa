/** JSON answers of the REST API. Errors always have the shape `{ "error": { "code", "message" } }`. */
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function apiJson(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...HEADERS, ...headers } });
}

export function apiError(status: number, code: string, message: string, details?: unknown): Response {
  return apiJson({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/** ISO 8601 for epoch-ms columns (null stays null), so API clients never guess units. */
export const isoTime = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

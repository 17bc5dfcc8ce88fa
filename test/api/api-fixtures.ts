import type { TestApp } from '../support/test-app';
import { createApiToken } from '../../src/accounts/api-tokens';

/** A live API token and a fetch-like helper that sends it. */
export function apiClient(t: TestApp) {
  const { token } = createApiToken({ name: 'test' }, { id: null, label: 'test' }, t.deps);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) => {
    const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await t.app.handle(new Request(`http://localhost${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null };
  };
  return {
    token,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    anonymous: (method: string, path: string) => call(method, path, undefined, {}),
  };
}

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.cleanup());

const get = (path: string) => t.app.handle(new Request(`http://localhost${path}`));

/** Every route the API plugin serves, as OpenAPI would name it (`/api/v1/x/:id` → `/x/{id}`). */
const apiRoutes = () =>
  t.app.routes
    .filter((r) => r.path.startsWith('/api/v1/') && !r.path.endsWith('*'))
    .map((r) => `${r.method} ${r.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`)
    .sort();

describe('API documentation', () => {
  test('serves an OpenAPI 3.1 document that describes every API route', async () => {
    const response = await get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(described).toEqual(apiRoutes());
  });

  test('lists the endpoints on a readable page', async () => {
    const html = await (await get('/api/docs')).text();
    expect(html).toContain('<code>POST</code>');
    expect(html).toContain('/api/v1/conversations/{id}/messages');
    expect(html).toContain('rasil token create');
  });
});

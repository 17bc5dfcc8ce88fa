import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { buildOpenApiDocument } from './openapi';
import { apiJson } from './api-responses';
import { ApiDocsPage, type ApiEndpoint } from '../../views/api/api-docs.page';

/** The API's description: the OpenAPI JSON for tools, and a plain page listing the endpoints for people. */
export function apiDocsRoutes(deps: AppDeps) {
  const document = buildOpenApiDocument(deps.version);
  const base = document.servers[0]?.url ?? '';
  const endpoints: ApiEndpoint[] = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path: `${base}${path}`, summary: operation.summary })),
  );
  return new Elysia()
    .use(webContext(deps))
    .get('/api/openapi.json', () => apiJson(document), { access: 'public' })
    .get('/api/docs', ({ page }) => <ApiDocsPage page={page} endpoints={endpoints} />, { access: 'public' });
}

import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { findContact } from '../contacts/contacts.repository';
import { encodeCursor } from '../conversations/keyset-cursor';
import { apiRoute } from './api-route';
import { apiError, apiJson } from './api-responses';
import { contactsQuery } from './api.schemas';
import { toApiContact } from './api-serializers';
import { listContactsPage } from './api-contacts.repository';
import { createApiNotFoundError } from './api.errors';

/** /api/v1/contacts: search by name or number, and read one contact. Unknown /api/v1 paths answer JSON too. */
export function contactsApiRoutes(deps: AppDeps) {
  return new Elysia()
    .use(webContext(deps))
    .get(
      '/api/v1/contacts',
      apiRoute(deps, ({ query }) => {
        const q = contactsQuery.parse(query);
        const { rows, hasMore } = listContactsPage(deps.db, { q: q.q || undefined, after: q.cursor, limit: q.limit });
        const last = rows.at(-1);
        return apiJson({ data: rows.map(toApiContact), next_cursor: hasMore && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null });
      }),
      { access: 'public' },
    )
    .get(
      '/api/v1/contacts/:id',
      apiRoute(deps, ({ params }) => {
        const contact = params.id ? findContact(deps.db, params.id) : undefined;
        if (!contact) throw createApiNotFoundError();
        return apiJson({ data: toApiContact(contact) });
      }),
      { access: 'public' },
    )
    .all('/api/v1/*', () => apiError(404, 'not_found', 'There is no such API endpoint. See /api/docs.'), { access: 'public' });
}

import type { FakeTemplate } from './fake-graph.types';

/** `GET /{waba-id}/message_templates` with Graph's cursor paging (`paging.cursors`, and `paging.next` while more remain). */
export function templatesPage(url: URL, all: FakeTemplate[]) {
  const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 25) || 25));
  const offset = Number(atob(url.searchParams.get('after') ?? 'MA==')) || 0;
  const data = all.slice(offset, offset + limit).map((t, i) => ({
    id: t.id ?? String(1_000_000 + offset + i),
    name: t.name,
    language: t.language,
    status: t.status,
    category: t.category ?? 'UTILITY',
    components: t.components,
  }));
  const after = btoa(String(offset + data.length));
  const paging: Record<string, unknown> = { cursors: { before: btoa(String(offset)), after } };
  if (offset + data.length < all.length) {
    const next = new URL(url);
    next.searchParams.set('after', after);
    paging.next = next.toString();
  }
  return { data, paging };
}

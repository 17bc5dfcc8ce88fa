/**
 * htmx 4 sends `HX-Request-Type: partial` for swaps into a target and `full` for boosted navigation
 * and history restores; only the former gets a fragment, everything else a whole page.
 */
export const isPartialRequest = (headers: Headers): boolean => headers.get('hx-request-type') === 'partial';

/** Any request made by htmx (partial or boosted). History restores send neither header. */
export const isHtmxRequest = (headers: Headers): boolean => headers.get('hx-request') === 'true';

/** Headers that tell caches a URL answers differently for htmx. */
export const HTMX_VARY = 'HX-Request, HX-Request-Type';

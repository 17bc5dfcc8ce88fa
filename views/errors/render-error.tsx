import type { PageContext } from '../layout/page-context';
import { ErrorFragment, ErrorPage, type ErrorKind } from './error.page';

/**
 * A fragment for htmx partial requests, a page for everything else. Server errors in a partial come back as an
 * <hx-partial> aimed at the toast region, because htmx is configured not to swap 5xx into the target.
 */
export function renderError(headers: Headers, page: PageContext, kind: ErrorKind, message?: string): string {
  if (headers.get('hx-request-type') !== 'partial') return (<ErrorPage page={page} kind={kind} />) as string;
  const fragment = (<ErrorFragment page={page} kind={kind} message={message} />) as string;
  if (kind !== 'server') return fragment;
  return `<hx-partial hx-target="#toast" hx-swap="innerHTML">${fragment}</hx-partial>`;
}

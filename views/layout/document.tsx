import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context';

// htmx 4 swaps every status; 5xx bodies must not land in the target (toasts arrive as <hx-partial> instead).
const HTMX_CONFIG = JSON.stringify({ noSwap: [204, 304, '5xx'], defaultTimeout: 30000 });

/**
 * The HTML document around every page: head, assets, language and direction, and the CSRF header htmx sends.
 * Boosted navigation swaps only <body>, so lang and dir are repeated there; forms that change the language or the
 * signed-in user opt out of boosting (hx-boost="false") and load a whole new document.
 */
export function Document({ page, title, children, bodyClass }: { page: PageContext; title: string; children: Children; bodyClass?: string }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang={page.locale} dir={page.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <meta name="theme-color" content="#0f766e" />
          <title safe>{`${title} · ${page.businessName}`}</title>
          <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
          <link rel="manifest" href="/static/manifest.webmanifest" />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/htmx.min.js" defer></script>
          <script src="/static/hx-sse.min.js" defer></script>
          <script src="/static/app.js" defer></script>
        </head>
        <body class={bodyClass} lang={page.locale} dir={page.dir} hx-boost:inherited="true" hx-headers:inherited={JSON.stringify({ 'X-CSRF-Token': page.csrfToken })}>
          {children}
          <div id="toast" class="toast-region" role="status" aria-live="polite"></div>
        </body>
      </html>
    </>
  );
}

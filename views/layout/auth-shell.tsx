import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context';
import { Document } from './document';

/** Layout for signed-out pages (first run, sign in, invitation): a centred card with a language switch. */
export function AuthShell({ page, title, children }: { page: PageContext; title: string; children: Children }) {
  const other = page.locale === 'ar' ? { code: 'en', label: 'English' } : { code: 'ar', label: 'العربية' };
  return (
    <Document page={page} title={title} bodyClass="auth-body">
      <main id="main" class="auth-card">
        <div class="auth-brand">
          <img src="/static/icon.svg" alt="" width="40" height="40" />
          <span safe>{page.businessName}</span>
        </div>
        {children}
        <form method="post" action="/locale" class="locale-switch" hx-boost="false">
          <input type="hidden" name="_csrf" value={page.csrfToken} />
          <input type="hidden" name="locale" value={other.code} />
          <input type="hidden" name="next" value={page.path} />
          <button type="submit" class="link-button" lang={other.code} safe>
            {other.label}
          </button>
        </form>
      </main>
    </Document>
  );
}

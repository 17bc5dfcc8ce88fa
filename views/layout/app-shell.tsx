import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context';
import { Document } from './document';
import type { MessageKey } from '../../src/i18n/translate';

interface NavItem {
  href: string;
  label: MessageKey;
  roles?: readonly string[];
}

const NAV: NavItem[] = [
  { href: '/conversations', label: 'nav.inbox', roles: ['admin', 'supervisor', 'agent'] },
  { href: '/settings', label: 'nav.settings' },
];

/** Signed-in layout: top bar with navigation (collapses to a menu on phones), then the page. */
export function AppShell({ page, title, children }: { page: PageContext; title: string; children: Children }) {
  const items = NAV.filter((item) => !item.roles || (page.user && item.roles.includes(page.user.role)));
  const isCurrent = (href: string) => (href === '/' ? page.path === '/' : page.path.startsWith(href));
  return (
    <Document page={page} title={title}>
      <a class="skip-link" href="#main" safe>
        {page.t('nav.skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          <img src="/static/icon.svg" alt="" width="28" height="28" />
          <span safe>{page.businessName}</span>
        </a>
        <nav class="topnav" aria-label={page.t('nav.menu')}>
          <NavLinks page={page} items={items} isCurrent={isCurrent} />
        </nav>
        <details class="nav-menu">
          <summary safe>{page.t('nav.menu')}</summary>
          <nav aria-label={page.t('nav.menu')}>
            <NavLinks page={page} items={items} isCurrent={isCurrent} />
          </nav>
        </details>
      </header>
      <main id="main" class="main">
        {children}
      </main>
    </Document>
  );
}

/** The links and the sign-out form; rendered in the wide top bar and again in the phone menu. */
function NavLinks({ page, items, isCurrent }: { page: PageContext; items: NavItem[]; isCurrent: (href: string) => boolean }) {
  return (
    <>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={isCurrent(item.href) ? 'page' : undefined} safe>
              {page.t(item.label)}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action="/logout" class="signout" hx-boost="false">
        <input type="hidden" name="_csrf" value={page.csrfToken} />
        <span class="who" safe>
          {page.user?.name ?? ''}
        </span>
        <button type="submit" class="link-button" safe>
          {page.t('nav.signOut')}
        </button>
      </form>
    </>
  );
}
